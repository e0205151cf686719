import { Command } from '@nestjs/cqrs';
import type { CampaignStats } from '@app/campaign';

/** Recomputes a campaign's stats from its recipient rows and overwrites the incremental counters. */
export class RefreshCampaignStatsCommand extends Command<CampaignStats> {
  constructor(readonly campaignId: string) {
    super();
  }
}
