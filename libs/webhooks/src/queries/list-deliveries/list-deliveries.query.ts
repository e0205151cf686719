import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { WebhookDeliveryEntity } from '../../database/webhook-delivery.entity';

/** An endpoint's deliveries, newest first. */
export class ListWebhookDeliveriesQuery extends Query<Page<WebhookDeliveryEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
