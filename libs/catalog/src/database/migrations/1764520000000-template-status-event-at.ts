import { MigrationInterface, QueryRunner } from 'typeorm';

/** When the status a template holds was decided (Meta's event time, or a sync): older events never undo newer ones. */
export class TemplateStatusEventAt1764520000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE templates ADD COLUMN status_event_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE templates DROP COLUMN status_event_at`);
  }
}
