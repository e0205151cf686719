import { Query } from '@nestjs/cqrs';
import type { ChannelEntity } from '../../database/channel.entity';

/** GET /channels/{id}: the row, or ChannelNotFoundError (404). */
export class GetChannelQuery extends Query<ChannelEntity> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
