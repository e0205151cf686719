import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelSecrets } from '../catalog-contracts';
import { FindWebhookChannelsQuery } from './find-webhook-channels.query';

@QueryHandler(FindWebhookChannelsQuery)
export class FindWebhookChannelsHandler implements IQueryHandler<FindWebhookChannelsQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly secrets: ChannelSecrets,
  ) {}

  async execute({ phoneNumberIds, wabaIds }: FindWebhookChannelsQuery) {
    return (await this.channels.findByMetaIds(phoneNumberIds, wabaIds)).map((c) => this.secrets.credentials(c));
  }
}
