import { Command } from '@nestjs/cqrs';
import type { WebhookDeliveryResponseDto } from '../../http/dto/webhook.response.dto';

/** Queues a `webhook.test` event to one endpoint, through the same signed, retried delivery as real events. */
export class SendTestEventCommand extends Command<WebhookDeliveryResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}
