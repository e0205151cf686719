import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { WebhookDeliveryResponseDto } from '../../http/dto/webhook.response.dto';

/** An endpoint's deliveries, newest first. */
export class ListWebhookDeliveriesQuery extends Query<Page<WebhookDeliveryResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
