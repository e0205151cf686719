import { Command } from '@nestjs/cqrs';
import type { WebhookDeliveryEntity } from '../../database/webhook-delivery.entity';

/**
 * Sends a failed delivery again (one missed while the endpoint was disabled, or one whose retries ran out),
 * with the same event id and body, and a fresh retry schedule. It keeps its place in its campaign's order.
 */
export class RetryDeliveryCommand extends Command<WebhookDeliveryEntity> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
    readonly deliveryId: string,
  ) {
    super();
  }
}
