import { Query } from '@nestjs/cqrs';
import type { ContactView } from '../audience-spec';

/**
 * Several contacts of a workspace at once (dispatch renders a batch with their current fields and
 * opt-out state). Unknown or foreign ids are simply absent from the result.
 */
export class GetContactsQuery extends Query<Map<string, ContactView>> {
  constructor(
    readonly workspaceId: string,
    readonly contactIds: string[],
  ) {
    super();
  }
}
