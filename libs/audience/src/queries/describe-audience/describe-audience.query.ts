import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

export interface AudienceRow {
  type: 'group' | 'source';
  id: string;
  name: string | null;
  contact_count: number | null;
}

/** One row per group and source of the audience, in the given order (null name: it was deleted since). */
export class DescribeAudienceQuery extends Query<AudienceRow[]> {
  constructor(readonly spec: AudienceSpec) {
    super();
  }
}
