import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecipientTimelineQuery, TIMELINE_BUCKETS, TimelinePoint } from './recipient-timeline.query';

@QueryHandler(RecipientTimelineQuery)
export class RecipientTimelineHandler implements IQueryHandler<RecipientTimelineQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** One pass over the campaign's rows: each row unpivots into its (up to four) events, binned together. */
  async execute({ campaignId, bucket }: RecipientTimelineQuery): Promise<TimelinePoint[]> {
    const rows: Array<{ at: Date; sent: number; delivered: number; read: number; failed: number }> = await this.db.query(
      `SELECT date_bin($2::interval, e.at, TIMESTAMPTZ 'epoch') AS at,
              count(*) FILTER (WHERE e.k = 's')::int AS sent,
              count(*) FILTER (WHERE e.k = 'd')::int AS delivered,
              count(*) FILTER (WHERE e.k = 'r')::int AS read,
              count(*) FILTER (WHERE e.k = 'f')::int AS failed
         FROM campaign_recipients r
        CROSS JOIN LATERAL (VALUES
              ('s', CASE WHEN r.status IN ('sent', 'delivered', 'read') THEN r.sent_at END),
              ('d', CASE WHEN r.status IN ('delivered', 'read') THEN r.delivered_at END),
              ('r', CASE WHEN r.status = 'read' THEN r.read_at END),
              ('f', CASE WHEN r.status = 'failed' THEN r.failed_at END)) e(k, at)
        WHERE r.campaign_id = $1 AND r.status IN ('sent', 'delivered', 'read', 'failed') AND e.at IS NOT NULL
        GROUP BY 1
        ORDER BY 1`,
      [campaignId, TIMELINE_BUCKETS[bucket]],
    );
    return rows.map((r) => ({ at: r.at.toISOString(), sent: r.sent, delivered: r.delivered, read: r.read, failed: r.failed }));
  }
}
