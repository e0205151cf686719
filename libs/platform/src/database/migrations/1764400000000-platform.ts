import { MigrationInterface, QueryRunner } from 'typeorm';

export class Platform1764400000000 implements MigrationInterface {
  name = 'Platform1764400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE workspaces (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      name text,
      key_hash text NOT NULL UNIQUE,
      scopes text[] NOT NULL,
      revoked_at timestamptz,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX api_keys_workspace_idx ON api_keys (workspace_id)`);
    await q.query(`CREATE TABLE idempotency_keys (
      workspace_id uuid NOT NULL,
      key text NOT NULL,
      method text NOT NULL,
      path text NOT NULL,
      request_hash text NOT NULL,
      response_status int,
      response_body text,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (workspace_id, key, method, path))`);
    await q.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);
    await q.query(`CREATE TABLE outbox_events (
      id uuid PRIMARY KEY,
      seq bigserial NOT NULL UNIQUE,
      workspace_id uuid NOT NULL,
      type text NOT NULL,
      aggregate_id uuid NOT NULL,
      payload jsonb NOT NULL,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      published_at timestamptz)`);
    await q.query(`CREATE INDEX outbox_events_unpublished_idx ON outbox_events (seq) WHERE published_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TABLE api_keys`);
    await q.query(`DROP TABLE workspaces`);
  }
}
