import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { ChannelEntity } from '../../database/channel.entity';

export class ListChannelsQuery extends Query<Page<ChannelEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
