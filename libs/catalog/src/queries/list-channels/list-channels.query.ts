import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { ChannelResponseDto } from '../../http/dto/channel.response.dto';

export class ListChannelsQuery extends Query<Page<ChannelResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
