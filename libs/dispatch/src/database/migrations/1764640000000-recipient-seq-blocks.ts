import { MigrationInterface, QueryRunner } from 'typeorm';

/** How far apart the blocks of recipient `seq` values are: room for a slice of 4 billion rows. */
const RECIPIENT_SEQ_BLOCK = 2 ** 32;

/**
 * Recipient `seq` values come in blocks: each slice of a materialisation takes one value of the sequence
 * and numbers its rows from it. A value per row made two slices inserting at once append to the same index
 * pages (every index leading with the campaign and ending with `seq`), so they waited on each other.
 */
export class RecipientSeqBlocks1764640000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients ALTER COLUMN seq SET INCREMENT BY ${RECIPIENT_SEQ_BLOCK}`);
    // The next block starts past every value handed out one by one so far.
    await q.query(`SELECT setval(pg_get_serial_sequence('campaign_recipients', 'seq'), GREATEST((SELECT max(seq) FROM campaign_recipients), 1))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients ALTER COLUMN seq SET INCREMENT BY 1`);
    await q.query(`SELECT setval(pg_get_serial_sequence('campaign_recipients', 'seq'), GREATEST((SELECT max(seq) FROM campaign_recipients), 1))`);
  }
}
