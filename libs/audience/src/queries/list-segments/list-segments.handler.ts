import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { SegmentRepository } from '../../database/segment.repository';
import { ListSegmentsQuery } from './list-segments.query';

@QueryHandler(ListSegmentsQuery)
export class ListSegmentsHandler implements IQueryHandler<ListSegmentsQuery> {
  constructor(private readonly segments: SegmentRepository) {}

  async execute({ workspaceId, page }: ListSegmentsQuery) {
    return toPage(await this.segments.list(workspaceId, page));
  }
}
