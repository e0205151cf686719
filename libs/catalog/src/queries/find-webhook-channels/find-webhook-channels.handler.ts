import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { CatalogPresenter } from '../catalog.presenter';
import { FindWebhookChannelsQuery } from './find-webhook-channels.query';

@QueryHandler(FindWebhookChannelsQuery)
export class FindWebhookChannelsHandler implements IQueryHandler<FindWebhookChannelsQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly presenter: CatalogPresenter,
  ) {}

  async execute({ phoneNumberIds, wabaIds }: FindWebhookChannelsQuery) {
    return (await this.channels.findByMetaIds(phoneNumberIds, wabaIds)).map((c) => this.presenter.credentials(c));
  }
}
