import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { SegmentRepository } from '../../database/segment.repository';
import { ListSegmentsQuery } from './list-segments.query';

@QueryHandler(ListSegmentsQuery)
export class ListSegmentsHandler implements IQueryHandler<ListSegmentsQuery> {
  constructor(private readonly segments: SegmentRepository) {}

  async execute({ workspaceId, limit, cursor }: ListSegmentsQuery) {
    const { items, next_cursor } = paginate(await this.segments.list(workspaceId, decodeCursor(cursor), limit), limit);
    return { data: items, next_cursor };
  }
}
