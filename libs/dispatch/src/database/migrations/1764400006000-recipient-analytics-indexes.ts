import { MigrationInterface, QueryRunner } from 'typeorm';

export class RecipientAnalyticsIndexes1764400006000 implements MigrationInterface {
  name = 'RecipientAnalyticsIndexes1764400006000';

  async up(q: QueryRunner): Promise<void> {
    // Errors summary (index-only GROUP BY error_code) and drill-down (newest first per code). Partial: only
    // failed and skipped rows, so it stays small and costs the hot send path nothing until a row ends there.
    await q.query(
      `CREATE INDEX campaign_recipients_problems_idx ON campaign_recipients (campaign_id, error_code, seq) INCLUDE (status)
        WHERE status IN ('failed', 'skipped')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX campaign_recipients_problems_idx`);
  }
}
