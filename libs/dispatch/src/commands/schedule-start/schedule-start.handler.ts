import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { DispatchQueue } from '../../dispatch-queue';
import { ScheduleStartCommand } from './schedule-start.command';

@CommandHandler(ScheduleStartCommand)
export class ScheduleStartHandler implements ICommandHandler<ScheduleStartCommand> {
  constructor(private readonly queue: DispatchQueue) {}

  async execute(cmd: ScheduleStartCommand): Promise<void> {
    await this.queue.scheduleStart(cmd.campaignId, cmd.scheduledAt);
  }
}
