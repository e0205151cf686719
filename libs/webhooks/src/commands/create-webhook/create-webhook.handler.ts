import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SecretBox } from '@app/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { WebhookEndpointEntity } from '../../database/webhook-endpoint.entity';
import { WebhookEndpointsRepository } from '../../database/webhook-endpoints.repository';
import { assertPublicUrl } from '../../domain/address-policy';
import { normalizeSubscription } from '../../domain/webhook-events';
import { WebhooksConfig } from '../../webhooks.config';
import { CreateWebhookCommand } from './create-webhook.command';

/** Standard Webhooks secret format: `whsec_` + base64 of 24-64 random bytes. */
const newSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

@CommandHandler(CreateWebhookCommand)
export class CreateWebhookHandler implements ICommandHandler<CreateWebhookCommand> {
  constructor(
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly secrets: SecretBox,
    private readonly config: WebhooksConfig,
  ) {}

  async execute({ workspaceId, input }: CreateWebhookCommand) {
    if (!this.config.allowPrivateUrls) await assertPublicUrl(input.url);
    const secret = newSecret();
    const endpoint = Object.assign(new WebhookEndpointEntity(), {
      id: randomUUID(),
      workspaceId,
      url: input.url,
      description: input.description ?? null,
      events: normalizeSubscription(input.events),
      secretSealed: this.secrets.encrypt(secret),
      disabledAt: null,
      disabledReason: null,
      createdAt: new Date(),
    });
    await this.endpoints.insert(endpoint);
    return { endpoint, secret };
  }
}
