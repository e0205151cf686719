import { Module } from '@nestjs/common';
import { ApplyStatsDeltaHandler } from './events/apply-stats-delta.handler';
import { GetCampaignStatsHandler } from './queries/get-campaign-stats/get-campaign-stats.handler';

@Module({
  providers: [GetCampaignStatsHandler, ApplyStatsDeltaHandler],
})
export class AnalyticsModule {}
