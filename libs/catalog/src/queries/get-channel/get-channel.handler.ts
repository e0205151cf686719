import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelNotFoundError } from '../../domain/catalog.errors';
import { CatalogPresenter } from '../catalog.presenter';
import { GetChannelQuery } from './get-channel.query';

@QueryHandler(GetChannelQuery)
export class GetChannelHandler implements IQueryHandler<GetChannelQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly presenter: CatalogPresenter,
  ) {}

  async execute({ workspaceId, channelId }: GetChannelQuery) {
    const row = await this.channels.findById(workspaceId, channelId);
    if (!row) throw new ChannelNotFoundError(channelId);
    return this.presenter.channel(row);
  }
}
