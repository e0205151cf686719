import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DispatchQueue } from '../../dispatch-queue';
import { CancelScheduledStartCommand } from './cancel-scheduled-start.command';

@CommandHandler(CancelScheduledStartCommand)
export class CancelScheduledStartHandler implements ICommandHandler<CancelScheduledStartCommand> {
  constructor(private readonly queue: DispatchQueue) {}

  async execute(cmd: CancelScheduledStartCommand): Promise<void> {
    await this.queue.cancelStart(cmd.campaignId);
  }
}
