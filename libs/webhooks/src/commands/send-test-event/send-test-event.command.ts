import { Command } from '@nestjs/cqrs';
import type { WebhookDeliveryEntity } from '../../database/webhook-delivery.entity';

/** Queues a `webhook.test` event to one endpoint, through the same signed, retried delivery as real events. */
export class SendTestEventCommand extends Command<WebhookDeliveryEntity> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}
