import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelNotFoundError } from '../../domain/catalog.errors';
import { DeleteChannelCommand } from './delete-channel.command';

@CommandHandler(DeleteChannelCommand)
export class DeleteChannelHandler implements ICommandHandler<DeleteChannelCommand> {
  constructor(private readonly channels: ChannelRepository) {}

  async execute({ workspaceId, channelId }: DeleteChannelCommand) {
    if (!(await this.channels.delete(workspaceId, channelId))) throw new ChannelNotFoundError(channelId);
  }
}
