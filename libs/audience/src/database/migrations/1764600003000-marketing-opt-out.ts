import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The scope of an opt-out: `opted_out` stays "no message at all"; WhatsApp's 131050 (the user stopped
 * marketing messages) sets `marketing_opted_out`, which only MARKETING templates respect. Existing opt-outs,
 * whatever set them, keep covering everything.
 */
export class MarketingOptOut1764600003000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts ADD COLUMN marketing_opted_out boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts DROP COLUMN marketing_opted_out`);
  }
}
