import { MigrationInterface, QueryRunner } from 'typeorm';

export class Segments1764630000100 implements MigrationInterface {
  name = 'Segments1764630000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE segments (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text NOT NULL,
      description text,
      definition jsonb NOT NULL,
      created_at timestamptz(3) NOT NULL,
      updated_at timestamptz(3) NOT NULL)`);
    await q.query(`CREATE INDEX segments_workspace_created_idx ON segments (workspace_id, created_at DESC, id DESC)`);
    // Segment equality and `in` are written as containment (custom_fields @> '{"k": v}'), which this index
    // answers; jsonb_path_ops is the smaller, cheaper-to-maintain GIN flavour that serves exactly @>.
    await q.query(`CREATE INDEX contacts_custom_fields_gin ON contacts USING gin (custom_fields jsonb_path_ops)`);
    // Comparisons on custom fields must not fail a whole audience on one contact's odd value: text that is
    // not a number or a date compares as NULL (matches nothing). The number one is plain SQL so it inlines.
    await q.query(`CREATE FUNCTION audience_jsonb_number(v jsonb) RETURNS numeric LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE jsonb_typeof(v)
        WHEN 'number' THEN (v #>> '{}')::numeric
        WHEN 'string' THEN CASE WHEN (v #>> '{}') ~ '^\\s*-?\\d{1,100}(\\.\\d{1,100})?\\s*$' THEN (v #>> '{}')::numeric END
      END $$`);
    await q.query(`CREATE FUNCTION audience_jsonb_timestamptz(v jsonb) RETURNS timestamptz LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      BEGIN
        IF jsonb_typeof(v) IS DISTINCT FROM 'string' OR (v #>> '{}') !~ '^\\d{4}-\\d{2}-\\d{2}' THEN RETURN NULL; END IF;
        RETURN (v #>> '{}')::timestamptz;
      EXCEPTION WHEN others THEN RETURN NULL;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION audience_jsonb_timestamptz`);
    await q.query(`DROP FUNCTION audience_jsonb_number`);
    await q.query(`DROP INDEX contacts_custom_fields_gin`);
    await q.query(`DROP TABLE segments`);
  }
}
