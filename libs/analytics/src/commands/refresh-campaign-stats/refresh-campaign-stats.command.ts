import { Command } from '@nestjs/cqrs';
import type { CampaignStats } from '../../queries/get-campaign-stats/get-campaign-stats.query';

/** Recomputes a campaign's stats from its recipient rows and overwrites the incremental counters. */
export class RefreshCampaignStatsCommand extends Command<CampaignStats> {
  constructor(readonly campaignId: string) {
    super();
  }
}
