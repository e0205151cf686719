import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { SegmentEntity } from '../../database/segment.entity';

export class ListSegmentsQuery extends Query<Page<SegmentEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
