import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContactRepository } from '../../database/contact.repository';
import { GetContactDetailsQuery } from './get-contact-details.query';

@QueryHandler(GetContactDetailsQuery)
export class GetContactDetailsHandler implements IQueryHandler<GetContactDetailsQuery> {
  constructor(private readonly contacts: ContactRepository) {}

  async execute({ workspaceId, contactId }: GetContactDetailsQuery) {
    const contact = await this.contacts.get(workspaceId, contactId);
    return { contact, groupIds: (await this.contacts.groupIds([contactId])).get(contactId)! };
  }
}
