import { Query } from '@nestjs/cqrs';
import type { WebhookEndpointEntity } from '../../database/webhook-endpoint.entity';

export class GetWebhookQuery extends Query<WebhookEndpointEntity> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}
