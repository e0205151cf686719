import { MigrationInterface, QueryRunner } from 'typeorm';

export class Recipients1764400004000 implements MigrationInterface {
  name = 'Recipients1764400004000';

  async up(q: QueryRunner): Promise<void> {
    // One row per (campaign, contact), created by one INSERT … SELECT when the campaign starts. The
    // row's status is the exactly-once ledger: claimed (queued) before the HTTP call, `sending` while
    // it may be in flight, and the outcome after it. Contact fields are read when the row is sent, so
    // an opt-out or a correction made after the start still counts.
    await q.query(`CREATE TABLE campaign_recipients (
      id uuid PRIMARY KEY,
      seq bigint GENERATED ALWAYS AS IDENTITY,
      campaign_id uuid NOT NULL,
      workspace_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      phone text NOT NULL,
      status text NOT NULL,
      message_id text,
      error_code text,
      error_message text,
      variables jsonb,
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      claimed_at timestamptz,
      sent_at timestamptz,
      delivered_at timestamptz,
      read_at timestamptz,
      failed_at timestamptz,
      created_at timestamptz(3) NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now())`);
    // No foreign key to campaigns: its per-row check would double the time to materialise a large audience,
    // and the Campaign module owns that table (a deleted campaign's rows are purged on its event).
    // Rows are narrow and few indexes grow at materialisation: `seq` is ascending, so the two campaign
    // indexes are appended to rather than written at random (1M rows must land in seconds).
    // Claiming (pending rows in audience order), status filters and counts:
    await q.query(`CREATE INDEX campaign_recipients_status_idx ON campaign_recipients (campaign_id, status, seq)`);
    // Keyset pages and streamed CSV exports of a campaign's recipients:
    await q.query(`CREATE INDEX campaign_recipients_list_idx ON campaign_recipients (campaign_id, seq)`);
    // Status webhooks find their row by wamid (or by id, the primary key, from biz_opaque_callback_data).
    await q.query(`CREATE UNIQUE INDEX campaign_recipients_message_uq ON campaign_recipients (message_id) WHERE message_id IS NOT NULL`);
    // The sweep's stale claims and unknown outcomes: only rows in flight are indexed.
    await q.query(`CREATE INDEX campaign_recipients_sending_idx ON campaign_recipients (claimed_at) WHERE status IN ('queued', 'sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_recipients`);
  }
}
