import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Send windows: each recipient's time zone (set once, when its campaign has a per-recipient window; null
 * means the campaign's own zone), the zones a campaign's recipients span, and what its last pump found
 * waiting (shown on the campaign). Nullable columns and a constant default: no table rewrite.
 */
export class SendWindows1764620004000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients ADD COLUMN tz text`);
    await q.query(`ALTER TABLE dispatch_runs ADD COLUMN zones text[], ADD COLUMN waiting int NOT NULL DEFAULT 0, ADD COLUMN next_due_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_runs DROP COLUMN zones, DROP COLUMN waiting, DROP COLUMN next_due_at`);
    await q.query(`ALTER TABLE campaign_recipients DROP COLUMN tz`);
  }
}
