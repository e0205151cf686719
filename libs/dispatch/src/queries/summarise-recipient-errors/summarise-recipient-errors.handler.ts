import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { PROBLEM_STATUSES, statusInSql, UNDISPATCHED_STATUSES, UNKNOWN_ERROR_CODE } from '../recipient-view/recipient-view';
import { RecipientErrorSummary, SummariseRecipientErrorsQuery } from './summarise-recipient-errors.query';

const PROBLEM = statusInSql(PROBLEM_STATUSES);
const UNDISPATCHED = statusInSql(UNDISPATCHED_STATUSES);

@QueryHandler(SummariseRecipientErrorsQuery)
export class SummariseRecipientErrorsHandler implements IQueryHandler<SummariseRecipientErrorsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Counts come from an index-only scan of the partial index over failed/skipped rows; the sample message
   * is then one index probe per code (the newest row of that code that has a message).
   */
  async execute({ campaignId, countUndispatched }: SummariseRecipientErrorsQuery): Promise<RecipientErrorSummary> {
    const rows: Array<{ code: string | null; n: number; failed: number; sample: string | null }> = await this.db.query(
      `WITH b AS (
         SELECT error_code AS code, count(*)::int AS n, count(*) FILTER (WHERE status = 'failed')::int AS failed
           FROM campaign_recipients
          WHERE campaign_id = $1 AND ${PROBLEM}
          GROUP BY error_code)
       SELECT b.code, b.n, b.failed, s.msg AS sample
         FROM b
         LEFT JOIN LATERAL (
           (SELECT error_message AS msg FROM campaign_recipients
             WHERE campaign_id = $1 AND ${PROBLEM} AND error_code = b.code AND error_message IS NOT NULL
             ORDER BY seq DESC LIMIT 1)
           UNION ALL
           (SELECT error_message FROM campaign_recipients
             WHERE b.code IS NULL AND campaign_id = $1 AND ${PROBLEM} AND error_code IS NULL AND error_message IS NOT NULL
             ORDER BY seq DESC LIMIT 1)
           LIMIT 1) s ON true
        ORDER BY b.n DESC, b.code`,
      [campaignId],
    );
    const [undispatched] = countUndispatched
      ? await this.db.query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 AND ${UNDISPATCHED}`, [campaignId])
      : [{ n: 0 }];
    return {
      buckets: rows.map((r) => ({ code: r.code ?? UNKNOWN_ERROR_CODE, count: r.n, failed: r.failed, sampleMessage: r.sample })),
      undispatched: undispatched.n,
    };
  }
}
