import { Query } from '@nestjs/cqrs';
import type { AudienceSpec } from '../audience-spec';

export interface MissingAudienceRefs {
  missingGroups: string[];
  missingSources: string[];
  missingSegments: string[];
  missingContacts: string[];
}

/** Which of the given group, source, segment and contact ids do not exist in the workspace (empty arrays: all exist). */
export class CheckAudienceRefsQuery extends Query<MissingAudienceRefs> {
  constructor(readonly spec: AudienceSpec) {
    super();
  }
}
