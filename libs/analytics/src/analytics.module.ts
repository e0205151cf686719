import { Module } from '@nestjs/common';
import { GetCampaignStatsHandler } from './queries/get-campaign-stats/get-campaign-stats.handler';

@Module({
  providers: [GetCampaignStatsHandler],
})
export class AnalyticsModule {}
