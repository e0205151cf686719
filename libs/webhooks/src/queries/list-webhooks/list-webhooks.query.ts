import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { WebhookEndpointEntity } from '../../database/webhook-endpoint.entity';

export class ListWebhooksQuery extends Query<Page<WebhookEndpointEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
