import { MigrationInterface, QueryRunner } from 'typeorm';

export class Campaigns1764400001000 implements MigrationInterface {
  name = 'Campaigns1764400001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campaigns (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text,
      status text NOT NULL,
      template_id uuid NOT NULL,
      channel_id uuid,
      variable_mapping jsonb,
      batch_size int NOT NULL,
      batch_delay_ms int NOT NULL,
      audience_groups uuid[] NOT NULL DEFAULT '{}',
      audience_sources uuid[] NOT NULL DEFAULT '{}',
      scheduled_at timestamptz,
      started_at timestamptz,
      completed_at timestamptz,
      pause_reason text,
      failure_reason text,
      total_recipients int NOT NULL DEFAULT 0,
      version int NOT NULL,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL)`);
    await q.query(`CREATE INDEX campaigns_workspace_created_idx ON campaigns (workspace_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX campaigns_due_idx ON campaigns (scheduled_at) WHERE status = 'SCHEDULED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaigns`);
  }
}
