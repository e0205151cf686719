import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { WebhookNotFoundError } from '../../domain/webhooks.errors';
import { GetWebhookQuery } from './get-webhook.query';

@QueryHandler(GetWebhookQuery)
export class GetWebhookHandler implements IQueryHandler<GetWebhookQuery> {
  constructor(private readonly endpoints: WebhookEndpointsRepository) {}

  async execute({ workspaceId, webhookId }: GetWebhookQuery) {
    const endpoint = await this.endpoints.findInWorkspace(workspaceId, webhookId);
    if (!endpoint) throw new WebhookNotFoundError(webhookId);
    return endpoint;
  }
}
