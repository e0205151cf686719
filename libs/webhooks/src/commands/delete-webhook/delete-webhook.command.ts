import { Command } from '@nestjs/cqrs';

/** Deletes the endpoint with its delivery history; nothing more is sent to it. */
export class DeleteWebhookCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly webhookId: string,
  ) {
    super();
  }
}
