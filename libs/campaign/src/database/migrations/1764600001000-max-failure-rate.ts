import { MigrationInterface, QueryRunner } from 'typeorm';

/** The failure guard's threshold per campaign: a fraction of attempted sends (null: no guard). Existing campaigns get the default. */
export class MaxFailureRate1764600001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns ADD COLUMN max_failure_rate double precision DEFAULT 0.5
                   CONSTRAINT campaigns_max_failure_rate_range CHECK (max_failure_rate BETWEEN 0 AND 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns DROP COLUMN max_failure_rate`);
  }
}
