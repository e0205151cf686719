import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SegmentRepository } from '../../database/segment.repository';
import { GetSegmentQuery } from './get-segment.query';

@QueryHandler(GetSegmentQuery)
export class GetSegmentHandler implements IQueryHandler<GetSegmentQuery> {
  constructor(private readonly segments: SegmentRepository) {}

  execute({ workspaceId, segmentId }: GetSegmentQuery) {
    return this.segments.get(workspaceId, segmentId);
  }
}
