import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { ChannelRepository } from '../../database/channel.repository';
import { ListChannelsQuery } from './list-channels.query';

@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler implements IQueryHandler<ListChannelsQuery> {
  constructor(private readonly channels: ChannelRepository) {}

  async execute({ workspaceId, page }: ListChannelsQuery) {
    return toPage(await this.channels.list(workspaceId, page));
  }
}
