import { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignStats1764400003000 implements MigrationInterface {
  name = 'CampaignStats1764400003000';

  async up(q: QueryRunner): Promise<void> {
    // One counter row per campaign, updated incrementally as recipients change state, so reading stats
    // never scans recipient rows.
    await q.query(`CREATE TABLE campaign_stats (
      campaign_id uuid PRIMARY KEY,
      total int NOT NULL DEFAULT 0,
      sent int NOT NULL DEFAULT 0,
      delivered int NOT NULL DEFAULT 0,
      read int NOT NULL DEFAULT 0,
      failed int NOT NULL DEFAULT 0,
      pending int NOT NULL DEFAULT 0,
      skipped int NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE campaign_stats`);
  }
}
