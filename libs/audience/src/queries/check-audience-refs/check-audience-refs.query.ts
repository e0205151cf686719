import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

/** Which of the given group and source ids do not exist in the workspace (empty arrays: all exist). */
export class CheckAudienceRefsQuery extends Query<{ missingGroups: string[]; missingSources: string[] }> {
  constructor(readonly spec: AudienceSpec) {
    super();
  }
}
