import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { ContactWithGroups } from '../get-contact-details/get-contact-details.query';

export class ListContactsQuery extends Query<Page<ContactWithGroups>> {
  constructor(
    readonly workspaceId: string,
    readonly filter: { groupId?: string; sourceId?: string; phone?: string },
    readonly page: PageRequest,
  ) {
    super();
  }
}
