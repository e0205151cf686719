import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { WebhookNotFoundError } from '../../domain/webhooks.errors';
import { DeleteWebhookCommand } from './delete-webhook.command';

@CommandHandler(DeleteWebhookCommand)
export class DeleteWebhookHandler implements ICommandHandler<DeleteWebhookCommand> {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async execute({ workspaceId, webhookId }: DeleteWebhookCommand): Promise<void> {
    if (!(await this.endpoints.delete(workspaceId, webhookId))) throw new WebhookNotFoundError(webhookId);
  }
}
