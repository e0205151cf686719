import { MigrationInterface, QueryRunner } from 'typeorm';

export class Audience1764400002000 implements MigrationInterface {
  name = 'Audience1764400002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE sources (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL)`);
    await q.query(`CREATE INDEX sources_workspace_created_idx ON sources (workspace_id, created_at DESC, id DESC)`);

    await q.query(`CREATE TABLE groups (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text,
      member_count int NOT NULL DEFAULT 0,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL)`);
    await q.query(`CREATE INDEX groups_workspace_created_idx ON groups (workspace_id, created_at DESC, id DESC)`);

    // custom_fields NULL means "none set" (read as {}): an upsert row without custom_fields proposes NULL,
    // which ON CONFLICT can tell apart from an explicit {} and keep the stored object.
    await q.query(`CREATE TABLE contacts (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      phone text NOT NULL,
      first_name text,
      last_name text,
      email text,
      custom_fields jsonb,
      source_id uuid REFERENCES sources(id) ON DELETE SET NULL,
      opted_out boolean NOT NULL DEFAULT false,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL,
      CONSTRAINT contacts_workspace_phone_key UNIQUE (workspace_id, phone))`);
    await q.query(`CREATE INDEX contacts_workspace_created_idx ON contacts (workspace_id, created_at DESC, id DESC)`);
    // Serves the source filter of lists (same order) and the sources half of an audience (id is in it).
    await q.query(`CREATE INDEX contacts_source_idx ON contacts (source_id, created_at DESC, id DESC) WHERE source_id IS NOT NULL`);

    await q.query(`CREATE TABLE group_members (
      group_id uuid NOT NULL REFERENCES groups(id) ON DELETE CASCADE,
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      PRIMARY KEY (group_id, contact_id))`);
    await q.query(`CREATE INDEX group_members_contact_idx ON group_members (contact_id)`);

    // member_count is kept by statement-level triggers so it stays exact whatever removes members
    // (API calls, contact or group deletes cascading) and listing groups never counts millions of rows.
    await q.query(`CREATE FUNCTION group_members_count_added() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE groups g SET member_count = g.member_count + d.n
          FROM (SELECT group_id, count(*)::int AS n FROM added GROUP BY group_id) d WHERE g.id = d.group_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION group_members_count_removed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE groups g SET member_count = g.member_count - d.n
          FROM (SELECT group_id, count(*)::int AS n FROM removed GROUP BY group_id) d WHERE g.id = d.group_id;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER group_members_count_added AFTER INSERT ON group_members
      REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION group_members_count_added()`);
    await q.query(`CREATE TRIGGER group_members_count_removed AFTER DELETE ON group_members
      REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION group_members_count_removed()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE group_members`);
    await q.query(`DROP FUNCTION group_members_count_added`);
    await q.query(`DROP FUNCTION group_members_count_removed`);
    await q.query(`DROP TABLE contacts`);
    await q.query(`DROP TABLE groups`);
    await q.query(`DROP TABLE sources`);
  }
}
