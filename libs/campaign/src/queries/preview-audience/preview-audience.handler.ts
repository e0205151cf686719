import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { CountAudienceQuery, SampleAudienceQuery } from '@app/audience';
import { CampaignReferences } from '../../commands/campaign-references';
import { PreviewAudienceQuery } from './preview-audience.query';

const SAMPLE_SIZE = 10;

@QueryHandler(PreviewAudienceQuery)
export class PreviewAudienceHandler implements IQueryHandler<PreviewAudienceQuery> {
  constructor(
    private readonly refs: CampaignReferences,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, campaignId }: PreviewAudienceQuery) {
    const spec = await this.refs.audienceSpec(workspaceId, campaignId);
    const [count, sample] = await Promise.all([
      this.queries.execute(new CountAudienceQuery(spec)),
      this.queries.execute(new SampleAudienceQuery(spec, SAMPLE_SIZE)),
    ]);
    return {
      total: count.total,
      opted_out: count.opted_out,
      sample: sample.map((c) => ({ id: c.id, first_name: c.first_name, last_name: c.last_name, phone: c.phone })),
    };
  }
}
