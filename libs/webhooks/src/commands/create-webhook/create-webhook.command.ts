import { Command } from '@nestjs/cqrs';
import type { WebhookEndpointEntity } from '../../database/webhook-endpoint.entity';

/** The stored endpoint and its signing secret in clear (only sealed in the row). */
export interface CreatedWebhook {
  endpoint: WebhookEndpointEntity;
  secret: string;
}

export class CreateWebhookCommand extends Command<CreatedWebhook> {
  constructor(
    readonly workspaceId: string,
    readonly input: { url: string; events: string[]; description?: string | null },
  ) {
    super();
  }
}
