import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelInUseError, ChannelNotFoundError } from '../../domain/catalog.errors';
import { ChannelUsageQuery } from '../../queries/channel-usage/channel-usage.query';
import { DeleteChannelCommand } from './delete-channel.command';

@CommandHandler(DeleteChannelCommand)
export class DeleteChannelHandler implements ICommandHandler<DeleteChannelCommand> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, channelId }: DeleteChannelCommand) {
    const users = await this.queries.execute(new ChannelUsageQuery(workspaceId, channelId));
    if (users.length) throw new ChannelInUseError(channelId, users);
    if (!(await this.channels.delete(workspaceId, channelId))) throw new ChannelNotFoundError(channelId);
  }
}
