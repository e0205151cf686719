import { Query } from '@nestjs/cqrs';
import type { ContactView } from '../audience-spec';

export class GetContactQuery extends Query<ContactView | null> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
  ) {
    super();
  }
}
