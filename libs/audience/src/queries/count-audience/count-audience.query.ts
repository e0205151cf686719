import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

/** `total`: distinct contacts that would be messaged; `opted_out`: distinct contacts excluded for opting out. */
export class CountAudienceQuery extends Query<{ total: number; opted_out: number }> {
  constructor(readonly spec: AudienceSpec) {
    super();
  }
}
