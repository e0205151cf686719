import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { ContactRepository } from '../../database/contact.repository';
import { GroupRepository } from '../../database/group.repository';
import { SourceRepository } from '../../database/source.repository';
import { InvalidPhoneError } from '../../domain/audience.errors';
import { normalisePhone } from '../../domain/phone';
import { ListContactsQuery } from './list-contacts.query';

@QueryHandler(ListContactsQuery)
export class ListContactsHandler implements IQueryHandler<ListContactsQuery> {
  constructor(
    private readonly contacts: ContactRepository,
    private readonly groups: GroupRepository,
    private readonly sources: SourceRepository,
  ) {}

  async execute({ workspaceId, filter, page }: ListContactsQuery) {
    // A filter on another workspace's group or source is a foreign id: 404, not an empty page.
    if (filter.groupId) await this.groups.assertExist(workspaceId, [filter.groupId]);
    if (filter.sourceId) await this.sources.assertExists(workspaceId, filter.sourceId);
    let phone: string | undefined;
    if (filter.phone !== undefined) {
      const p = normalisePhone(filter.phone);
      if (!p.ok) throw new InvalidPhoneError(p.message, { phone: filter.phone });
      phone = p.phone;
    }
    const rows = await this.contacts.list(workspaceId, { groupId: filter.groupId, sourceId: filter.sourceId, phone }, page);
    const groups = await this.contacts.groupIds(rows.items.map((c) => c.id));
    return toPage(rows, (contact) => ({ contact, groupIds: groups.get(contact.id)! }));
  }
}
