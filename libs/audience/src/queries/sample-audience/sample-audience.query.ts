import { Query } from '@nestjs/cqrs';
import type { AudienceSpec, ContactView } from '../audience-spec';

/** The first `limit` messageable contacts of the audience in a stable order (oldest contact first). */
export class SampleAudienceQuery extends Query<ContactView[]> {
  constructor(
    readonly spec: AudienceSpec,
    readonly limit: number,
  ) {
    super();
  }
}
