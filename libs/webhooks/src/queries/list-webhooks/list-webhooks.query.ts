import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { WebhookEndpointEntity } from '../../database/webhook-endpoint.entity';

export class ListWebhooksQuery extends Query<Page<WebhookEndpointEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
