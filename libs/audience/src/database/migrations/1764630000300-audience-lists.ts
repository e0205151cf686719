import { MigrationInterface, QueryRunner } from 'typeorm';

export class AudienceLists1764630000300 implements MigrationInterface {
  name = 'AudienceLists1764630000300';

  async up(q: QueryRunner): Promise<void> {
    // Explicit contacts of an audience with values of their own (a campaign's recipients added one by one,
    // keyed by the campaign id). No foreign key on list_id: the owner of the list lives in a higher module.
    await q.query(`CREATE TABLE audience_list_members (
      list_id uuid NOT NULL,
      workspace_id uuid NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
      contact_id uuid NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
      variables jsonb,
      updated_at timestamptz(3) NOT NULL,
      PRIMARY KEY (list_id, contact_id))`);
    await q.query(`CREATE INDEX audience_list_members_contact_idx ON audience_list_members (contact_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audience_list_members`);
  }
}
