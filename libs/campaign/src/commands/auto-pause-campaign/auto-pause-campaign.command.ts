import { Command } from '@nestjs/cqrs';

/** The engine pauses on its own (template paused, spam limit, messaging limit, missed schedule) with a reason. */
export class AutoPauseCampaignCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
    readonly reason: string,
  ) {
    super();
  }
}
