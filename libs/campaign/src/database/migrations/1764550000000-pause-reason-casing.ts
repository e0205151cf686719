import { MigrationInterface, QueryRunner } from 'typeorm';

/** Manual pauses read `MANUAL` like every other reason; terminal campaigns keep no pause reason. */
export class PauseReasonCasing1764550000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE campaigns SET pause_reason = 'MANUAL' WHERE pause_reason = 'manual'`);
    await q.query(`UPDATE campaigns SET pause_reason = NULL WHERE status IN ('STOPPED', 'FAILED', 'COMPLETED') AND pause_reason IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE campaigns SET pause_reason = 'manual' WHERE pause_reason = 'MANUAL'`);
  }
}
