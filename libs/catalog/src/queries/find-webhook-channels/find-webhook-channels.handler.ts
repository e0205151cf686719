import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelSecrets } from '../catalog-contracts';
import { FindWebhookChannelsQuery } from './find-webhook-channels.query';
import { WebhookChannelCache } from './webhook-channel-cache';

@QueryHandler(FindWebhookChannelsQuery)
export class FindWebhookChannelsHandler implements IQueryHandler<FindWebhookChannelsQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly secrets: ChannelSecrets,
    private readonly cache: WebhookChannelCache,
  ) {}

  execute({ phoneNumberIds, wabaIds }: FindWebhookChannelsQuery) {
    return this.cache.get(phoneNumberIds, wabaIds, async () =>
      (await this.channels.findByMetaIds(phoneNumberIds, wabaIds)).map((c) => this.secrets.credentials(c)),
    );
  }
}
