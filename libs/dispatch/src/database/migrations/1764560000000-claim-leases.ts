import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fenced claims: a pump holds a lease (renewed while its process is alive) and stamps the rows it claims
 * with the lease's token. Only the holder of a live lease can move its rows to `sending`, and rows of a
 * lease that expired go back to the pool at once, however long ago they were claimed.
 */
export class ClaimLeases1764560000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE dispatch_leases (
        token uuid PRIMARY KEY,
        campaign_id uuid NOT NULL,
        worker_id text NOT NULL,
        expires_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX dispatch_leases_expires_idx ON dispatch_leases (expires_at)`);
    await q.query(`ALTER TABLE campaign_recipients ADD COLUMN claim_token uuid`);
    // The sweep looks for claimed rows by lease; the old claimed_at-only index is replaced.
    await q.query(`DROP INDEX campaign_recipients_sending_idx`);
    await q.query(`CREATE INDEX campaign_recipients_claims_idx ON campaign_recipients (claim_token, claimed_at) WHERE status IN ('queued', 'sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX campaign_recipients_claims_idx`);
    await q.query(`CREATE INDEX campaign_recipients_sending_idx ON campaign_recipients (claimed_at) WHERE status IN ('queued', 'sending')`);
    await q.query(`ALTER TABLE campaign_recipients DROP COLUMN claim_token`);
    await q.query(`DROP TABLE dispatch_leases`);
  }
}
