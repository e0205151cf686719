import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { CatalogPresenter } from '../catalog.presenter';
import { FindChannelsByWabaIdQuery } from './find-channels-by-waba-id.query';

@QueryHandler(FindChannelsByWabaIdQuery)
export class FindChannelsByWabaIdHandler implements IQueryHandler<FindChannelsByWabaIdQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly presenter: CatalogPresenter,
  ) {}

  async execute({ wabaId }: FindChannelsByWabaIdQuery) {
    return (await this.channels.findByWabaId(wabaId)).map((c) => this.presenter.credentials(c));
  }
}
