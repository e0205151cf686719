import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContactRepository } from '../../database/contact.repository';
import { normalisePhone } from '../../domain/phone';
import { AddListMembersCommand, ListMemberFailure } from './add-list-members.command';

type Member = { index: number; variables: Record<string, string> | null } & ({ contactId: string } | { phone: string });

@CommandHandler(AddListMembersCommand)
export class AddListMembersHandler implements ICommandHandler<AddListMembersCommand> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactRepository,
  ) {}

  async execute({ workspaceId, listId, members }: AddListMembersCommand) {
    const failed: ListMemberFailure[] = [];
    const valid: Member[] = [];
    members.forEach(({ contactId, phone, variables }, index) => {
      if (contactId !== undefined) return valid.push({ index, contactId, variables });
      const p = normalisePhone(phone);
      if (!p.ok) return failed.push({ index, code: 'INVALID_PHONE', message: p.message });
      valid.push({ index, phone: p.phone, variables });
    });
    return this.db.transaction(async (m) => {
      const phones = [...new Set(valid.flatMap((v) => ('phone' in v ? [v.phone] : [])))];
      const upserted = await this.contacts.upsert(m, workspaceId, phones.map((phone) => ({ phone })), { sourceId: null, groupIds: [] });
      const byPhone = new Map(upserted.map((r) => [r.phone, r.id]));
      const ids = valid.flatMap((v) => ('contactId' in v ? [v.contactId] : []));
      const known = new Set(
        ids.length ? (await m.query(`SELECT id FROM contacts WHERE workspace_id = $1 AND id = ANY($2::uuid[])`, [workspaceId, ids])).map((r: { id: string }) => r.id) : [],
      );
      const rows = new Map<string, Member>();
      for (const v of valid) {
        const id = 'contactId' in v ? v.contactId : byPhone.get(v.phone)!;
        if (!known.has(id) && 'contactId' in v) failed.push({ index: v.index, code: 'CONTACT_NOT_FOUND', message: `Contact ${id} not found` });
        else if (rows.has(id)) failed.push({ index: v.index, code: 'DUPLICATE_RECIPIENT', message: `The same contact as recipient ${rows.get(id)!.index} of this request` });
        else rows.set(id, v);
      }
      // Contact order, so concurrent calls lock the same keys in the same order.
      const entries = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
      const written: Array<{ inserted: boolean }> = entries.length
        ? await m.query(
            `INSERT INTO audience_list_members AS l (list_id, workspace_id, contact_id, variables, updated_at)
             SELECT $1, $2, v.contact_id, v.variables, now() FROM unnest($3::uuid[], $4::jsonb[]) AS v(contact_id, variables)
             ON CONFLICT (list_id, contact_id) DO UPDATE SET variables = EXCLUDED.variables, updated_at = now()
             RETURNING (l.xmax = 0) AS inserted`,
            [listId, workspaceId, entries.map(([id]) => id), entries.map(([, v]) => (v.variables ? JSON.stringify(v.variables) : null))],
          )
        : [];
      const added = written.filter((r) => r.inserted).length;
      return { added, updated: written.length - added, contactsCreated: upserted.filter((r) => r.inserted).length, failed: failed.sort((a, b) => a.index - b.index) };
    });
  }
}
