import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When and why a contact opted out, and how far (marketing only, or everything); and each workspace's own
 * reply keywords (none stored: the defaults apply).
 */
export class OptOutReplies1764620002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts ADD COLUMN opted_out_at timestamptz, ADD COLUMN opt_out_scope text, ADD COLUMN opt_out_reason text`);
    // Opt-outs made before these columns existed came through the API, which opts out of everything.
    await q.query(`UPDATE contacts SET opt_out_scope = 'all', opt_out_reason = 'API', opted_out_at = updated_at WHERE opted_out`);
    await q.query(`CREATE TABLE opt_out_keywords (
      workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      opt_out text[] NOT NULL,
      opt_out_all text[] NOT NULL,
      opt_in text[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE opt_out_keywords`);
    await q.query(`ALTER TABLE contacts DROP COLUMN opted_out_at, DROP COLUMN opt_out_scope, DROP COLUMN opt_out_reason`);
  }
}
