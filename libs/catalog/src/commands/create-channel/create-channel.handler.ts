import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Env, refusePrivateUrl, SecretBox } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { ChannelEntity } from '../../database/channel.entity';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelUrlNotAllowedError } from '../../domain/catalog.errors';
import { CreateChannelCommand } from './create-channel.command';

/** Meta's default throughput for a business phone number (upgraded numbers reach 1000). */
const DEFAULT_MESSAGES_PER_SECOND = 80;

@CommandHandler(CreateChannelCommand)
export class CreateChannelHandler implements ICommandHandler<CreateChannelCommand> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly secrets: SecretBox,
    private readonly env: Env,
  ) {}

  async execute({ workspaceId, input }: CreateChannelCommand) {
    if (input.apiBaseUrl) await this.assertAllowedBaseUrl(input.apiBaseUrl);
    const now = new Date();
    const row = Object.assign(new ChannelEntity(), {
      id: randomUUID(),
      workspaceId,
      name: input.name,
      phoneNumberId: input.phoneNumberId,
      wabaId: input.wabaId,
      // The client appends `/{version}/…`, so a trailing slash would double it.
      apiBaseUrl: (input.apiBaseUrl ?? this.env.WHATSAPP_API_BASE_URL).replace(/\/+$/, ''),
      accessTokenCiphertext: this.secrets.encrypt(input.accessToken),
      appSecretCiphertext: this.secrets.encrypt(input.appSecret),
      messagesPerSecond: input.messagesPerSecond ?? DEFAULT_MESSAGES_PER_SECOND,
      messagingLimit: input.messagingLimit ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await this.channels.insert(row);
    return row;
  }

  /**
   * Checked here and again by the client at connect time (DNS can change). The operator's own
   * `WHATSAPP_API_BASE_URL` is trusted; anything else must be public unless private addresses are allowed.
   */
  private async assertAllowedBaseUrl(url: string): Promise<void> {
    if (this.env.CHANNELS_ALLOW_PRIVATE_URLS || new URL(url).origin === new URL(this.env.WHATSAPP_API_BASE_URL).origin) return;
    const refusal = await refusePrivateUrl(url);
    if (refusal) throw new ChannelUrlNotAllowedError(refusal.host, refusal.address, refusal.kind);
  }
}
