import { MigrationInterface, QueryRunner } from 'typeorm';

export class CampaignAudienceSegments1764630000200 implements MigrationInterface {
  name = 'CampaignAudienceSegments1764630000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns ADD COLUMN audience_segments uuid[] NOT NULL DEFAULT '{}', ADD COLUMN audience_contacts uuid[] NOT NULL DEFAULT '{}'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE campaigns DROP COLUMN audience_segments, DROP COLUMN audience_contacts`);
  }
}
