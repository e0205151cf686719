import { Command } from '@nestjs/cqrs';
import type { ChannelEntity } from '../../database/channel.entity';

export class CreateChannelCommand extends Command<ChannelEntity> {
  constructor(
    readonly workspaceId: string,
    readonly input: {
      name: string;
      phoneNumberId: string;
      wabaId: string;
      accessToken: string;
      appSecret: string;
      apiBaseUrl?: string;
      messagesPerSecond?: number;
      messagingLimit?: number | null;
    },
  ) {
    super();
  }
}
