import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { ChannelRepository } from '../../database/channel.repository';
import { ListChannelsQuery } from './list-channels.query';

@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler implements IQueryHandler<ListChannelsQuery> {
  constructor(private readonly channels: ChannelRepository) {}

  async execute({ workspaceId, limit, cursor }: ListChannelsQuery) {
    const rows = await this.channels.list(workspaceId, { after: decodeCursor(cursor), limit });
    const { items, next_cursor } = paginate(rows, limit);
    return { data: items, next_cursor };
  }
}
