import { CommandHandler, ICommandHandler, QueryBus } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { CountRecipientsByStatusQuery } from '@app/dispatch';
import { DataSource } from 'typeorm';
import { statsFromCounts } from '../../domain/stats-from-counts';
import { STATS_COUNTERS, type CampaignStats } from '@app/campaign';
import { RefreshCampaignStatsCommand } from './refresh-campaign-stats.command';

/**
 * Exact whenever no recipient is changing (e.g. once completed). While dispatch runs, a delta published
 * for a change the count already saw lands on top of the snapshot: the counters then stay off by the
 * few changes in flight at that instant, until the next refresh.
 */
@CommandHandler(RefreshCampaignStatsCommand)
export class RefreshCampaignStatsHandler implements ICommandHandler<RefreshCampaignStatsCommand> {
  constructor(
    private readonly queries: QueryBus,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async execute({ campaignId }: RefreshCampaignStatsCommand): Promise<CampaignStats> {
    const stats = statsFromCounts(await this.queries.execute(new CountRecipientsByStatusQuery(campaignId)));
    await this.db.query(
      `INSERT INTO campaign_stats (campaign_id, ${STATS_COUNTERS.join(', ')}, updated_at)
       VALUES ($1, ${STATS_COUNTERS.map((_, i) => `$${i + 2}`).join(', ')}, now())
       ON CONFLICT (campaign_id) DO UPDATE SET ${STATS_COUNTERS.map((k) => `${k} = EXCLUDED.${k}`).join(', ')}, updated_at = now()`,
      [campaignId, ...STATS_COUNTERS.map((k) => stats[k])],
    );
    return stats;
  }
}
