import { Command } from '@nestjs/cqrs';

export class DeleteChannelCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
