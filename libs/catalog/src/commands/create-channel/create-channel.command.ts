import { Command } from '@nestjs/cqrs';
import type { ChannelResponseDto } from '../../http/dto/channel.response.dto';

export class CreateChannelCommand extends Command<ChannelResponseDto> {
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
