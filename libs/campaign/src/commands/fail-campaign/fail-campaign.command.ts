import { Command } from '@nestjs/cqrs';

/** The engine: a campaign-fatal error (FAILED with failure_reason). */
export class FailCampaignCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
    readonly reason: string,
  ) {
    super();
  }
}
