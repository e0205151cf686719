import { Query } from '@nestjs/cqrs';
import type { ChannelResponseDto } from '../../http/dto/channel.response.dto';

/** GET /channels/{id}: the API object (no secrets), or ChannelNotFoundError (404). */
export class GetChannelQuery extends Query<ChannelResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
