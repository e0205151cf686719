import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUUID } from 'class-validator';
import { ContactRepository } from '../../database/contact.repository';
import type { ContactView } from '../audience-spec';
import { toContactView } from '../audience.presenter';
import { GetContactQuery } from './get-contact.query';

@QueryHandler(GetContactQuery)
export class GetContactHandler implements IQueryHandler<GetContactQuery> {
  constructor(private readonly contacts: ContactRepository) {}

  async execute({ workspaceId, contactId }: GetContactQuery): Promise<ContactView | null> {
    if (!isUUID(contactId)) return null;
    const contact = await this.contacts.find(workspaceId, contactId);
    return contact ? toContactView(contact) : null;
  }
}
