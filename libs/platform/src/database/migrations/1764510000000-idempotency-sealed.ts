import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored responses become sealed (AES-256-GCM) and keys are scoped by the matched route instead of the raw
 * path. Rows written the old way can be neither decrypted nor matched: they are a 24 h replay cache, so
 * they are dropped rather than converted.
 */
export class IdempotencySealed1764510000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_keys`);
    await q.query(`ALTER TABLE idempotency_keys RENAME COLUMN path TO route`);
    await q.query(`ALTER TABLE idempotency_keys RENAME COLUMN response_body TO sealed_response_body`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM idempotency_keys`);
    await q.query(`ALTER TABLE idempotency_keys RENAME COLUMN sealed_response_body TO response_body`);
    await q.query(`ALTER TABLE idempotency_keys RENAME COLUMN route TO path`);
  }
}
