import { Command } from '@nestjs/cqrs';

/** The engine's scheduler: scheduled_at arrived (SCHEDULED → RUNNING; PAUSED with SCHEDULE_MISSED when found too late; FAILED when nobody is left to message). */
export class StartScheduledCampaignCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
  ) {
    super();
  }
}
