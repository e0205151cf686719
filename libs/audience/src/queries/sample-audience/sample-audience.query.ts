import { Query } from '@nestjs/cqrs';
import type { AudienceSpec, ContactView } from '../audience-spec';

/**
 * The first `limit` messageable contacts of the audience in a stable order (oldest contact first); or,
 * given `contactId`, that contact if it is a member of the audience (opted out or not), else nothing.
 */
export class SampleAudienceQuery extends Query<ContactView[]> {
  constructor(
    readonly spec: AudienceSpec,
    readonly limit: number,
    readonly contactId?: string,
  ) {
    super();
  }
}
