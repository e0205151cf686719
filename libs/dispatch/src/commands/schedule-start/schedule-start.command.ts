import { Command } from '@nestjs/cqrs';

/** Arms the delayed start of a SCHEDULED campaign, replacing any earlier one. */
export class ScheduleStartCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
    readonly scheduledAt: Date,
  ) {
    super();
  }
}
