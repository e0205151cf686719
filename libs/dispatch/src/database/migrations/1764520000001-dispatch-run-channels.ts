import { MigrationInterface, QueryRunner } from 'typeorm';

/** The channels a campaign sent on: inbound statuses apply only to recipients of campaigns on the signing channel. */
export class DispatchRunChannels1764520000001 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_runs ADD COLUMN channel_ids uuid[] NOT NULL DEFAULT '{}'`);
    await q.query(
      `UPDATE dispatch_runs d SET channel_ids = ARRAY[c.channel_id] FROM campaigns c WHERE c.id = d.campaign_id AND c.channel_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_runs DROP COLUMN channel_ids`);
  }
}
