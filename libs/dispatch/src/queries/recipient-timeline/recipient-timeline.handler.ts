import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RecipientTimelineQuery, TIMELINE_BUCKETS, TimelinePoint } from './recipient-timeline.query';

/** Each column: the timestamp it bins, and the statuses in which a row still counts in that stats counter. */
const COLUMNS = [
  { key: 'sent', at: 'sent_at', statuses: `'sent', 'delivered', 'read'` },
  { key: 'delivered', at: 'delivered_at', statuses: `'delivered', 'read'` },
  { key: 'read', at: 'read_at', statuses: `'read'` },
  { key: 'failed', at: 'failed_at', statuses: `'failed'` },
] as const;

@QueryHandler(RecipientTimelineQuery)
export class RecipientTimelineHandler implements IQueryHandler<RecipientTimelineQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * One aggregate per column, merged by bucket: each is a plain (parallelisable) GROUP BY, about twice as
   * fast on a large campaign as unpivoting every row into its events and grouping those.
   */
  async execute({ campaignId, bucket }: RecipientTimelineQuery): Promise<TimelinePoint[]> {
    const perColumn = [
      ...COLUMNS.map(
        (c) => `SELECT date_bin($2::interval, ${c.at}, TIMESTAMPTZ 'epoch') AS at, '${c.key}' AS k, count(*) AS n
                  FROM campaign_recipients WHERE campaign_id = $1 AND status IN (${c.statuses}) AND ${c.at} IS NOT NULL GROUP BY 1`,
      ),
      `SELECT date_bin($2::interval, sent_at, TIMESTAMPTZ 'epoch') AS at, 'test' AS k, count(*) AS n FROM campaign_test_sends WHERE campaign_id = $1 GROUP BY 1`,
      // Ahead of now: recipients waiting for their send window (or a retry delay), by when they fall due.
      `SELECT date_bin($2::interval, next_attempt_at, TIMESTAMPTZ 'epoch') AS at, 'waiting' AS k, count(*) AS n
         FROM campaign_recipients WHERE campaign_id = $1 AND status IN ('pending', 'waiting') AND next_attempt_at > now() GROUP BY 1`,
    ];
    const keys = [...COLUMNS.map((c) => c.key), 'test', 'waiting'] as const;
    const rows: Array<{ at: Date } & Record<(typeof keys)[number], number>> = await this.db.query(
      `SELECT at, ${keys.map((k) => `COALESCE(sum(n) FILTER (WHERE k = '${k}'), 0)::int AS ${k}`).join(', ')}
         FROM (${perColumn.join(' UNION ALL ')}) e
        GROUP BY at
        ORDER BY at`,
      [campaignId, TIMELINE_BUCKETS[bucket]],
    );
    return rows.map((r) => ({ at: r.at.toISOString(), sent: r.sent, delivered: r.delivered, read: r.read, failed: r.failed, test: r.test, waiting: r.waiting }));
  }
}
