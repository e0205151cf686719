import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { WebhookNotFoundError } from '../../domain/webhooks.errors';
import { EnableWebhookCommand } from './enable-webhook.command';

@CommandHandler(EnableWebhookCommand)
export class EnableWebhookHandler implements ICommandHandler<EnableWebhookCommand> {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async execute({ workspaceId, webhookId }: EnableWebhookCommand) {
    const endpoint = await this.endpoints.enable(workspaceId, webhookId);
    if (!endpoint) throw new WebhookNotFoundError(webhookId);
    return endpoint;
  }
}
