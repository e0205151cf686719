import { Command } from '@nestjs/cqrs';

/** The engine's scheduler: scheduled_at arrived (SCHEDULED → RUNNING, or PAUSED with SCHEDULE_MISSED when found too late). */
export class StartScheduledCampaignCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
  ) {
    super();
  }
}
