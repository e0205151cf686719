import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WebhookDeliveriesRepository } from '../../database/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { DeliveryNotFailedError, DeliveryNotFoundError, WebhookDisabledError, WebhookNotFoundError } from '../../domain/webhooks.errors';
import { DeliveryQueue } from '../../delivery/delivery-queue';
import { RetryDeliveryCommand } from './retry-delivery.command';

@CommandHandler(RetryDeliveryCommand)
export class RetryDeliveryHandler implements ICommandHandler<RetryDeliveryCommand> {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly queue: DeliveryQueue,
  ) {}

  async execute({ workspaceId, webhookId, deliveryId }: RetryDeliveryCommand) {
    const endpoint = await this.endpoints.findInWorkspace(workspaceId, webhookId);
    if (!endpoint) throw new WebhookNotFoundError(webhookId);
    if (endpoint.disabledAt) throw new WebhookDisabledError(webhookId);
    const retried = await this.deliveries.requeueFailed(endpoint.id, deliveryId);
    if (!retried) {
      if (!(await this.deliveries.findForEndpoint(endpoint.id, deliveryId))) throw new DeliveryNotFoundError(deliveryId);
      throw new DeliveryNotFailedError(deliveryId);
    }
    await this.queue.trigger([{ id: retried.id, attempts: retried.attempts, nextAttemptAt: retried.nextAttemptAt }]);
    return retried;
  }
}
