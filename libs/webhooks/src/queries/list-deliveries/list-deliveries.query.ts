import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { WebhookDeliveryEntity } from '../../database/webhook-delivery.entity';

/** An endpoint's deliveries, newest first. */
export class ListWebhookDeliveriesQuery extends Query<Page<WebhookDeliveryEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
