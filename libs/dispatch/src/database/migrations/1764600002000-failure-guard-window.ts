import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where the failure guard's current window starts: the attempted and failed counts when it last paused the
 * campaign (0 before), so a resumed campaign is judged on what it sends after the resume.
 */
export class FailureGuardWindow1764600002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_runs ADD COLUMN guard_attempted_base int NOT NULL DEFAULT 0, ADD COLUMN guard_failed_base int NOT NULL DEFAULT 0`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dispatch_runs DROP COLUMN guard_attempted_base, DROP COLUMN guard_failed_base`);
  }
}
