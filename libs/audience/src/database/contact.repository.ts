import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, recordOutboxEvents, RowsPage } from '@app/platform';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';

import { ContactNotFoundError, PhoneTakenError } from '../domain/audience.errors';
import type { ContactInput } from '../domain/contact-input';
import type { CustomFields } from '../domain/custom-fields';
import { CONTACT_EVENTS } from '../domain/events/contact-events';
import { type OptOutChange, optOutPayload } from '../domain/opt-out';
import { ContactEntity, ContactViewRow } from './contact.entity';

export interface ContactPatch {
  phone?: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  customFields?: CustomFields | null;
  sourceId?: string | null;
}

const isUniqueViolation = (e: unknown) => e instanceof QueryFailedError && (e.driverError as { code?: string })?.code === '23505';

@Injectable()
export class ContactRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Upserts every row by (workspace, phone) in ONE set-based statement, and adds the contacts to
   * `groupIds` in the same statement. Present values overwrite, absent/null ones keep what is stored
   * (COALESCE), so an upsert never erases data and never touches opted_out. Rows are inserted in
   * phone order so concurrent imports lock the same keys in the same order (no deadlocks).
   * Phones must be distinct (a statement cannot update the same row twice).
   */
  async upsert(
    m: EntityManager,
    workspaceId: string,
    rows: ContactInput[],
    opts: { sourceId: string | null; groupIds: string[] },
  ): Promise<Array<{ id: string; phone: string; inserted: boolean }>> {
    if (!rows.length) return [];
    const col = <K extends keyof ContactInput>(k: K) => rows.map((r) => r[k] ?? null);
    return m.query(
      `WITH up AS (
         INSERT INTO contacts AS c (id, workspace_id, phone, first_name, last_name, email, custom_fields, source_id, opted_out, created_at, updated_at)
         SELECT gen_random_uuid(), $1::uuid, r.phone, r.first_name, r.last_name, r.email, r.custom_fields, $7::uuid, false, now(), now()
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[]) AS r(phone, first_name, last_name, email, custom_fields)
          ORDER BY r.phone
         ON CONFLICT (workspace_id, phone) DO UPDATE SET
           first_name = COALESCE(EXCLUDED.first_name, c.first_name),
           last_name = COALESCE(EXCLUDED.last_name, c.last_name),
           email = COALESCE(EXCLUDED.email, c.email),
           custom_fields = COALESCE(EXCLUDED.custom_fields, c.custom_fields),
           source_id = COALESCE(EXCLUDED.source_id, c.source_id),
           updated_at = EXCLUDED.updated_at
         RETURNING c.id, c.phone, (c.xmax = 0) AS inserted),
       members AS (
         INSERT INTO group_members (group_id, contact_id)
         SELECT g.id, up.id FROM up CROSS JOIN unnest($8::uuid[]) AS g(id) ORDER BY 1, 2
         ON CONFLICT DO NOTHING)
       SELECT id, phone, inserted FROM up`,
      [
        workspaceId,
        col('phone'),
        col('firstName'),
        col('lastName'),
        col('email'),
        rows.map((r) => (r.customFields ? JSON.stringify(r.customFields) : null)),
        opts.sourceId,
        [...new Set(opts.groupIds)],
      ],
    );
  }

  async get(workspaceId: string, id: string): Promise<ContactEntity> {
    const row = await this.db.getRepository(ContactEntity).findOneBy({ id, workspaceId });
    if (!row) throw new ContactNotFoundError(id);
    return row;
  }

  async find(workspaceId: string, id: string): Promise<ContactEntity | null> {
    return this.db.getRepository(ContactEntity).findOneBy({ id, workspaceId });
  }

  /**
   * Contacts by id (valid UUIDs only) and by phone. The send path asks for a thousand at a time, several times a
   * second: the ids go as one comma-joined parameter rather than a bound parameter each (TypeORM's In()), and
   * rows come back with the view's columns only, unhydrated.
   */
  async findMany(workspaceId: string, ids: string[], phones: string[] = []): Promise<ContactViewRow[]> {
    if (!ids.length && !phones.length) return [];
    return this.db.query(
      `SELECT id, phone, first_name AS "firstName", last_name AS "lastName", email, custom_fields AS "customFields",
              source_id AS "sourceId", opted_out AS "optedOut", marketing_opted_out AS "marketingOptedOut"
         FROM contacts
        WHERE workspace_id = $1 AND (id = ANY(string_to_array($2, ',')::uuid[])${phones.length ? ' OR phone = ANY($3::text[])' : ''})`,
      phones.length ? [workspaceId, ids.join(','), phones] : [workspaceId, ids.join(',')],
    );
  }

  async groupIds(contactIds: string[]): Promise<Map<string, string[]>> {
    const byContact = new Map<string, string[]>(contactIds.map((id) => [id, []]));
    if (!contactIds.length) return byContact;
    const rows: Array<{ contact_id: string; group_id: string }> = await this.db.query(
      `SELECT contact_id, group_id FROM group_members WHERE contact_id = ANY($1::uuid[]) ORDER BY group_id`,
      [contactIds],
    );
    for (const r of rows) byContact.get(r.contact_id)!.push(r.group_id);
    return byContact;
  }

  async update(workspaceId: string, id: string, patch: ContactPatch, m: EntityManager = this.db.manager): Promise<ContactEntity> {
    try {
      const res = await m.getRepository(ContactEntity).update({ id, workspaceId }, { ...patch, updatedAt: new Date() });
      if (!res.affected) throw new ContactNotFoundError(id);
    } catch (e) {
      if (isUniqueViolation(e)) throw new PhoneTakenError(patch.phone!);
      throw e;
    }
    return (await m.getRepository(ContactEntity).findOneBy({ id, workspaceId }))!;
  }

  /**
   * Opts a contact (by id or phone) out (`change`: of every message, or of marketing templates only) or back
   * in of both (null), and records `contact.opted_out` or `contact.opted_in` in the outbox in the same
   * transaction. Only a real change is written and announced: an opt-out already covered changes nothing,
   * while an opt-out of everything widens a marketing-only one. Answers the contact as changed, or null
   * (unknown contact, or nothing to change).
   */
  async setOptOut(m: EntityManager, workspaceId: string, match: { id: string } | { phone: string }, change: OptOutChange | null): Promise<ContactEntity | null> {
    const [column, value] = 'id' in match ? ['id', match.id] : ['phone', match.phone];
    const [flag, covered] = change?.scope === 'MARKETING' ? ['marketing_opted_out', '(opted_out OR marketing_opted_out)'] : ['opted_out', 'opted_out'];
    const [rows] = await m.query(
      change
        ? `UPDATE contacts SET ${flag} = true, opt_out_reason = $3, opted_out_at = $4, updated_at = now()
            WHERE workspace_id = $1 AND ${column} = $2 AND NOT ${covered}
            RETURNING id`
        : `UPDATE contacts SET opted_out = false, marketing_opted_out = false, opt_out_reason = NULL, opted_out_at = NULL, updated_at = now()
            WHERE workspace_id = $1 AND ${column} = $2 AND (opted_out OR marketing_opted_out) RETURNING id`,
      change ? [workspaceId, value, change.reason, change.at] : [workspaceId, value],
    );
    if (!rows.length) return null;
    const contact = (await m.getRepository(ContactEntity).findOneBy({ id: rows[0].id, workspaceId }))!;
    await recordOutboxEvents(m, [{
      workspaceId,
      type: change ? CONTACT_EVENTS.optedOut : CONTACT_EVENTS.optedIn,
      aggregateId: contact.id,
      payload: optOutPayload(contact),
    }]);
    return contact;
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(ContactEntity).delete({ id, workspaceId });
    if (!res.affected) throw new ContactNotFoundError(id);
  }

  async list(
    workspaceId: string,
    opts: { groupId?: string; sourceId?: string; phone?: string },
    page: PageRequest,
  ): Promise<RowsPage<ContactEntity>> {
    const qb = this.db.getRepository(ContactEntity).createQueryBuilder('c').where('c.workspace_id = :workspaceId', { workspaceId });
    if (opts.groupId) {
      qb.andWhere('EXISTS (SELECT 1 FROM group_members gm WHERE gm.contact_id = c.id AND gm.group_id = :groupId)', { groupId: opts.groupId });
    }
    if (opts.sourceId) qb.andWhere('c.source_id = :sourceId', { sourceId: opts.sourceId });
    if (opts.phone) qb.andWhere('c.phone = :phone', { phone: opts.phone });
    return keysetPage(qb, page);
  }
}
