import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async execute({ workspaceId, page }: ListWebhooksQuery) {
    return toPage(await this.endpoints.list(workspaceId, page));
  }
}
