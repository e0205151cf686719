import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropRecipientsListIndex1764400010000 implements MigrationInterface {
  name = 'DropRecipientsListIndex1764400010000';

  async up(q: QueryRunner): Promise<void> {
    // Every index on this table grows by a million entries when a large audience materialises (about 1.5 s
    // of it). Listing a campaign in seq order merges one keyset range per status from the status index
    // instead (ListRecipientsHandler), so this one no longer earns its writes.
    await q.query(`DROP INDEX campaign_recipients_list_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX campaign_recipients_list_idx ON campaign_recipients (campaign_id, seq)`);
  }
}
