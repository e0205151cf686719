import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { SegmentEntity } from '../../database/segment.entity';

export class ListSegmentsQuery extends Query<Page<SegmentEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
