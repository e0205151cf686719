import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContactImports1764630000000 implements MigrationInterface {
  name = 'ContactImports1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE contact_imports (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      status text NOT NULL,
      file_name text,
      bytes_total bigint NOT NULL DEFAULT 0,
      bytes_read bigint NOT NULL DEFAULT 0,
      group_ids uuid[] NOT NULL DEFAULT '{}',
      source_id uuid,
      mapping jsonb,
      rows_read int NOT NULL DEFAULT 0,
      created int NOT NULL DEFAULT 0,
      updated int NOT NULL DEFAULT 0,
      unchanged int NOT NULL DEFAULT 0,
      rejected int NOT NULL DEFAULT 0,
      error_code text,
      error_message text,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL,
      completed_at timestamptz(3))`);
    // The worker's sweep looks for imports whose job Redis lost.
    await q.query(`CREATE INDEX contact_imports_pending_idx ON contact_imports (updated_at) WHERE status IN ('queued', 'processing')`);
    // The uploaded file travels from the API to the worker in Postgres (no shared disk between processes),
    // in chunks of about 1 MiB, and is deleted when the import commits.
    await q.query(`CREATE TABLE contact_import_chunks (
      import_id uuid NOT NULL REFERENCES contact_imports(id) ON DELETE CASCADE,
      seq int NOT NULL,
      data bytea NOT NULL,
      PRIMARY KEY (import_id, seq))`);
    await q.query(`ALTER TABLE contact_import_chunks ALTER COLUMN data SET STORAGE EXTERNAL`);
    await q.query(`CREATE TABLE contact_import_errors (
      import_id uuid NOT NULL REFERENCES contact_imports(id) ON DELETE CASCADE,
      line int NOT NULL,
      code text NOT NULL,
      message text NOT NULL,
      phone text,
      PRIMARY KEY (import_id, line))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE contact_import_errors`);
    await q.query(`DROP TABLE contact_import_chunks`);
    await q.query(`DROP TABLE contact_imports`);
  }
}
