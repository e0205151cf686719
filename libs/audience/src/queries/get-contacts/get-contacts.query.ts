import { Query } from '@nestjs/cqrs';
import type { ContactView } from '../audience-spec';

/**
 * Several contacts of a workspace at once, by id and (optionally) by E.164 phone (dispatch renders a batch
 * with their current fields and opt-out state; a test send renders a number as its contact). Unknown or
 * foreign ids and phones are simply absent from the result, which is keyed by contact id.
 */
export class GetContactsQuery extends Query<Map<string, ContactView>> {
  constructor(
    readonly workspaceId: string,
    readonly contactIds: string[],
    readonly phones: string[] = [],
  ) {
    super();
  }
}
