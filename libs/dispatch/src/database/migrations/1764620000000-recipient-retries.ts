import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A retried recipient keeps its attempt count (its history), but the engine's own retry budget (throughput,
 * pair rate) starts afresh: it counts attempts made since the last retry. A constant default is a
 * catalogue-only change, so a large table is not rewritten.
 */
export class RecipientRetries1764620000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients ADD COLUMN attempts_before_retry int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaign_recipients DROP COLUMN attempts_before_retry`);
  }
}
