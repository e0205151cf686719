import { Query } from '@nestjs/cqrs';
import type { ContactView } from '../audience-spec';

/** How many contacts the segment matches now (opted-out ones apart) and the first `sample` of them. */
export class PreviewSegmentQuery extends Query<{ total: number; optedOut: number; sample: ContactView[] }> {
  constructor(
    readonly workspaceId: string,
    readonly segmentId: string,
    readonly sample: number,
  ) {
    super();
  }
}
