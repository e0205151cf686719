import { Query } from '@nestjs/cqrs';
import type { ContactResponseDto } from '../../http/dto/contact.dto';

/** The public Contact object, group ids included (404 when not the workspace's). */
export class GetContactDetailsQuery extends Query<ContactResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
  ) {
    super();
  }
}
