import { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchRuns1764400004500 implements MigrationInterface {
  name = 'DispatchRuns1764400004500';

  async up(q: QueryRunner): Promise<void> {
    // Written in the same transaction as the recipient rows: tells the sweep a campaign's audience was
    // materialised, and for which audience, so a resume re-materialises only if the audience changed.
    await q.query(`CREATE TABLE dispatch_runs (
      campaign_id uuid PRIMARY KEY REFERENCES campaigns(id) ON DELETE CASCADE,
      audience_key text NOT NULL,
      materialised_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dispatch_runs`);
  }
}
