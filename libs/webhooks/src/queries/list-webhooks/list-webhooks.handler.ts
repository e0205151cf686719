import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async execute({ workspaceId, limit, cursor }: ListWebhooksQuery) {
    const { items, next_cursor } = paginate(await this.endpoints.list(workspaceId, decodeCursor(cursor), limit), limit);
    return { data: items, next_cursor };
  }
}
