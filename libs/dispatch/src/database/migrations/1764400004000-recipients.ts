import { MigrationInterface, QueryRunner } from 'typeorm';

export class Recipients1764400004000 implements MigrationInterface {
  name = 'Recipients1764400004000';

  async up(q: QueryRunner): Promise<void> {
    // One row per (campaign, contact), created by one INSERT … SELECT when the campaign starts. The
    // row's status is the exactly-once ledger: claimed (queued) before the HTTP call, `sending` while
    // it may be in flight, and the outcome after it.
    await q.query(`CREATE TABLE campaign_recipients (
      id uuid PRIMARY KEY,
      campaign_id uuid NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
      workspace_id uuid NOT NULL,
      contact_id uuid NOT NULL,
      phone text NOT NULL,
      contact_data jsonb NOT NULL DEFAULT '{}',
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
    await q.query(`CREATE UNIQUE INDEX campaign_recipients_contact_uq ON campaign_recipients (campaign_id, contact_id)`);
    await q.query(`CREATE INDEX campaign_recipients_status_idx ON campaign_recipients (campaign_id, status)`);
    await q.query(`CREATE UNIQUE INDEX campaign_recipients_message_uq ON campaign_recipients (message_id) WHERE message_id IS NOT NULL`);
    await q.query(`CREATE INDEX campaign_recipients_error_idx ON campaign_recipients (campaign_id, error_code) WHERE error_code IS NOT NULL`);
    await q.query(`CREATE INDEX campaign_recipients_sending_idx ON campaign_recipients (claimed_at) WHERE status IN ('queued', 'sending')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_recipients`);
  }
}
