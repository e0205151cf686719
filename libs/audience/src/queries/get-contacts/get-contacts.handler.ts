import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContactRepository } from '../../database/contact.repository';
import type { ContactView } from '../audience-spec';
import { toContactView } from '../contact-view';
import { validIds } from '../audience-sql';
import { GetContactsQuery } from './get-contacts.query';

@QueryHandler(GetContactsQuery)
export class GetContactsHandler implements IQueryHandler<GetContactsQuery> {
  constructor(private readonly contacts: ContactRepository) {}

  async execute({ workspaceId, contactIds, phones }: GetContactsQuery): Promise<Map<string, ContactView>> {
    const found = await this.contacts.findMany(workspaceId, validIds(contactIds), phones);
    return new Map(found.map((c) => [c.id, toContactView(c)]));
  }
}
