import { Command } from '@nestjs/cqrs';
import type { WebhookEndpointEntity } from '../../database/webhook-endpoint.entity';

/** Turns a disabled endpoint (410 Gone) back on: events from now on are delivered; missed ones can be replayed. */
export class EnableWebhookCommand extends Command<WebhookEndpointEntity> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}
