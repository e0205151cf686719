import { MigrationInterface, QueryRunner } from 'typeorm';

export class Catalog1764400002700 implements MigrationInterface {
  name = 'Catalog1764400002700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE channels (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      phone_number_id text NOT NULL,
      waba_id text NOT NULL,
      api_base_url text NOT NULL,
      access_token_ciphertext text NOT NULL,
      app_secret_ciphertext text NOT NULL,
      messages_per_second int NOT NULL CHECK (messages_per_second BETWEEN 1 AND 10000),
      messaging_limit int CHECK (messaging_limit IN (250, 2000, 10000, 100000)),
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL,
      CONSTRAINT channels_workspace_phone_number_key UNIQUE (workspace_id, phone_number_id))`);
    await q.query(`CREATE INDEX channels_workspace_created_idx ON channels (workspace_id, created_at DESC, id DESC)`);
    // Inbound webhooks identify channels across workspaces by these two ids.
    await q.query(`CREATE INDEX channels_phone_number_idx ON channels (phone_number_id)`);
    await q.query(`CREATE INDEX channels_waba_idx ON channels (waba_id)`);

    await q.query(`CREATE TABLE templates (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      meta_template_id text,
      name text NOT NULL,
      language text NOT NULL,
      category text NOT NULL,
      status text NOT NULL,
      status_reason text,
      components jsonb NOT NULL,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL,
      CONSTRAINT templates_workspace_name_language_key UNIQUE (workspace_id, name, language))`);
    await q.query(
      `CREATE UNIQUE INDEX templates_workspace_meta_id_key ON templates (workspace_id, meta_template_id) WHERE meta_template_id IS NOT NULL`,
    );
    await q.query(`CREATE INDEX templates_workspace_created_idx ON templates (workspace_id, created_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE templates`);
    await q.query(`DROP TABLE channels`);
  }
}
