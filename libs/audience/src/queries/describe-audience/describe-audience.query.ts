import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

export interface AudienceRow {
  type: 'group' | 'source' | 'segment';
  id: string;
  name: string | null;
  contact_count: number | null;
}

/**
 * One row per group, source and segment of the audience, in the given order (null name: it was deleted since;
 * a segment's contact_count is null, as counting it means evaluating it).
 */
export class DescribeAudienceQuery extends Query<AudienceRow[]> {
  constructor(readonly spec: AudienceSpec) {
    super();
  }
}
