import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { ChannelEntity } from '../../database/channel.entity';

export class ListChannelsQuery extends Query<Page<ChannelEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
