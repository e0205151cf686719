import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelNotFoundError } from '../../domain/catalog.errors';
import { GetChannelQuery } from './get-channel.query';

@QueryHandler(GetChannelQuery)
export class GetChannelHandler implements IQueryHandler<GetChannelQuery> {
  constructor(private readonly channels: ChannelRepository) {}

  async execute({ workspaceId, channelId }: GetChannelQuery) {
    const row = await this.channels.findById(workspaceId, channelId);
    if (!row) throw new ChannelNotFoundError(channelId);
    return row;
  }
}
