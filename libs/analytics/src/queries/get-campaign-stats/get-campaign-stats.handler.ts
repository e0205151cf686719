import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CampaignStats, EMPTY_STATS, GetCampaignStatsQuery } from '@app/campaign';

@QueryHandler(GetCampaignStatsQuery)
export class GetCampaignStatsHandler implements IQueryHandler<GetCampaignStatsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ campaignIds }: GetCampaignStatsQuery): Promise<Map<string, CampaignStats>> {
    const result = new Map<string, CampaignStats>(campaignIds.map((id) => [id, { ...EMPTY_STATS }]));
    if (!campaignIds.length) return result;
    const rows: Array<Record<string, string>> = await this.db.query(
      `SELECT campaign_id, total, sent, delivered, read, failed, pending, skipped
         FROM campaign_stats WHERE campaign_id = ANY($1::uuid[])`,
      [campaignIds],
    );
    for (const r of rows) {
      result.set(r.campaign_id, {
        total: +r.total, sent: +r.sent, delivered: +r.delivered, read: +r.read,
        failed: +r.failed, pending: +r.pending, skipped: +r.skipped,
      });
    }
    return result;
  }
}
