import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { ContactResponseDto } from '../../http/dto/contact.dto';

export class ListContactsQuery extends Query<Page<ContactResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly filter: { groupId?: string; sourceId?: string; phone?: string },
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
