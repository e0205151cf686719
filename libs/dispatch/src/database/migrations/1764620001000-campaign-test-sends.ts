import { MigrationInterface, QueryRunner } from 'typeorm';

/** Test sends of a campaign: outside its recipients and stats, kept so its timeline shows them. */
export class CampaignTestSends1764620001000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE campaign_test_sends (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      campaign_id uuid NOT NULL,
      contact_id uuid,
      phone text NOT NULL,
      message_id text,
      error_code text,
      error_message text,
      sent_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX campaign_test_sends_campaign_idx ON campaign_test_sends (campaign_id, sent_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_test_sends`);
  }
}
