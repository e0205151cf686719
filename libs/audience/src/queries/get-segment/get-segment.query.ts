import { Query } from '@nestjs/cqrs';
import type { SegmentEntity } from '../../database/segment.entity';

export class GetSegmentQuery extends Query<SegmentEntity> {
  constructor(
    readonly workspaceId: string,
    readonly segmentId: string,
  ) {
    super();
  }
}
