import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { SegmentRepository } from '../../database/segment.repository';
import { CountAudienceQuery } from '../count-audience/count-audience.query';
import { SampleAudienceQuery } from '../sample-audience/sample-audience.query';
import { PreviewSegmentQuery } from './preview-segment.query';

@QueryHandler(PreviewSegmentQuery)
export class PreviewSegmentHandler implements IQueryHandler<PreviewSegmentQuery> {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, segmentId, sample }: PreviewSegmentQuery) {
    await this.segments.get(workspaceId, segmentId);
    const spec = { workspaceId, groupIds: [], sourceIds: [], segmentIds: [segmentId] };
    const [count, contacts] = await Promise.all([this.queries.execute(new CountAudienceQuery(spec)), this.queries.execute(new SampleAudienceQuery(spec, sample))]);
    return { total: count.total, optedOut: count.opted_out, sample: contacts };
  }
}
