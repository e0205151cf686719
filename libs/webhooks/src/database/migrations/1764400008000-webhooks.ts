import { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1764400008000 implements MigrationInterface {
  name = 'Webhooks1764400008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE webhook_endpoints (
      id uuid PRIMARY KEY,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      url text NOT NULL,
      description text,
      events text[] NOT NULL,
      secret_sealed text NOT NULL,
      disabled_at timestamptz,
      disabled_reason text,
      created_at timestamptz(3) NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX webhook_endpoints_workspace_created_idx ON webhook_endpoints (workspace_id, created_at DESC, id DESC)`);
    await q.query(`CREATE TABLE webhook_deliveries (
      id uuid PRIMARY KEY,
      endpoint_id uuid NOT NULL REFERENCES webhook_endpoints(id) ON DELETE CASCADE,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      event_seq bigint,
      aggregate_id uuid,
      body text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      lease_until timestamptz,
      last_attempt_at timestamptz,
      last_response_status int,
      last_latency_ms int,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      UNIQUE (endpoint_id, event_id))`);
    await q.query(`CREATE INDEX webhook_deliveries_endpoint_created_idx ON webhook_deliveries (endpoint_id, created_at DESC, id DESC)`);
    // The sweep's scan, and the "earlier delivery of the same campaign still pending?" check.
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(
      `CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (endpoint_id, aggregate_id, event_seq) WHERE status = 'pending'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhook_endpoints`);
  }
}
