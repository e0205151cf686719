import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { WebhookDeliveriesRepository } from '../../database/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { eventBody, TEST_EVENT_TYPE } from '../../domain/webhook-events';
import { WebhookDisabledError, WebhookNotFoundError } from '../../domain/webhooks.errors';
import { DeliveryQueue } from '../../delivery/delivery-queue';
import { SendTestEventCommand } from './send-test-event.command';

@CommandHandler(SendTestEventCommand)
export class SendTestEventHandler implements ICommandHandler<SendTestEventCommand> {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute({ workspaceId, webhookId }: SendTestEventCommand) {
    const endpoint = await this.endpoints.findInWorkspace(workspaceId, webhookId);
    if (!endpoint) throw new WebhookNotFoundError(webhookId);
    if (endpoint.disabledAt) throw new WebhookDisabledError(webhookId);
    const id = randomUUID();
    const body = eventBody({ id, type: TEST_EVENT_TYPE, createdAt: new Date(), data: { webhook: { id: endpoint.id, url: endpoint.url } } });
    const delivery = await this.deliveries.insertTestDelivery(endpoint.id, { id, type: TEST_EVENT_TYPE, body });
    await this.queue.trigger([delivery]);
    return delivery;
  }
}
