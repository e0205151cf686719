import { Query } from '@nestjs/cqrs';
import type { ContactEntity } from '../../database/contact.entity';

export interface ContactWithGroups {
  contact: ContactEntity;
  groupIds: string[];
}

/** A contact of the workspace with its group ids (404 when not the workspace's). */
export class GetContactDetailsQuery extends Query<ContactWithGroups> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
  ) {
    super();
  }
}
