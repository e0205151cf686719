import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { WebhookDeliveriesRepository } from '../../database/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { WebhookNotFoundError } from '../../domain/webhooks.errors';
import { ListWebhookDeliveriesQuery } from './list-deliveries.query';

@QueryHandler(ListWebhookDeliveriesQuery)
export class ListWebhookDeliveriesHandler implements IQueryHandler<ListWebhookDeliveriesQuery> {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly deliveries: WebhookDeliveriesRepository,
  ) {}

  async execute({ workspaceId, webhookId, page }: ListWebhookDeliveriesQuery) {
    if (!(await this.endpoints.findInWorkspace(workspaceId, webhookId))) throw new WebhookNotFoundError(webhookId);
    return toPage(await this.deliveries.listForEndpoint(webhookId, page));
  }
}
