import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When and why a contact opted out (how far is the two flags, `opted_out` and `marketing_opted_out`); and each
 * workspace's own reply keywords (none stored: the defaults apply).
 */
export class OptOutReplies1764620002000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts ADD COLUMN opted_out_at timestamptz, ADD COLUMN opt_out_reason text`);
    // Opt-outs of everything made before these columns existed came through the API; marketing-only ones from 131050.
    await q.query(`UPDATE contacts SET opt_out_reason = CASE WHEN opted_out THEN 'API' ELSE 'META_131050' END, opted_out_at = updated_at
                    WHERE opted_out OR marketing_opted_out`);
    await q.query(`CREATE TABLE opt_out_keywords (
      workspace_id uuid PRIMARY KEY REFERENCES workspaces(id) ON DELETE CASCADE,
      opt_out text[] NOT NULL,
      opt_out_all text[] NOT NULL,
      opt_in text[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE opt_out_keywords`);
    await q.query(`ALTER TABLE contacts DROP COLUMN opted_out_at, DROP COLUMN opt_out_reason`);
  }
}
