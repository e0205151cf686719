import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

/**
 * Whether the audience has at least one contact that would be messaged (a member not opted out of the spec's
 * kind of message). Stops at the first one, so it stays cheap on a million-contact audience where a count would not.
 */
export class HasMessageableContactQuery extends Query<boolean> {
  constructor(readonly spec: AudienceSpec) {
    super();
  }
}
