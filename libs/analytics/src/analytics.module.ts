import { Module } from '@nestjs/common';
import { CampaignModule } from '@app/campaign';
import { RefreshCampaignStatsHandler } from './commands/refresh-campaign-stats/refresh-campaign-stats.handler';
import { DropCampaignStatsHandler } from './events/drop-campaign-stats.handler';
import { AnalyticsController } from './http/analytics.controller';
import { GetCampaignStatsHandler } from './queries/get-campaign-stats/get-campaign-stats.handler';
import { GetErrorRecipientsHandler } from './queries/get-error-recipients/get-error-recipients.handler';
import { GetErrorSummaryHandler } from './queries/get-error-summary/get-error-summary.handler';

@Module({
  imports: [CampaignModule],
  controllers: [AnalyticsController],
  providers: [GetCampaignStatsHandler, DropCampaignStatsHandler, RefreshCampaignStatsHandler, GetErrorSummaryHandler, GetErrorRecipientsHandler],
})
export class AnalyticsModule {}
