import { Query } from '@nestjs/cqrs';

/**
 * The campaigns that may still send through a channel (ids). Declared here, where channels live, and
 * answered by the module that owns campaigns: deleting a channel must ask about its users without the
 * catalog depending on them.
 */
export class ChannelUsageQuery extends Query<string[]> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
