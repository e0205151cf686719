import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { AudienceFieldCoverageQuery } from '@app/audience';
import { CampaignReferences } from '../../commands/campaign-references';
import { CampaignFieldCoverageQuery } from './campaign-field-coverage.query';

@QueryHandler(CampaignFieldCoverageQuery)
export class CampaignFieldCoverageHandler implements IQueryHandler<CampaignFieldCoverageQuery> {
  constructor(
    private readonly refs: CampaignReferences,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, campaignId, fields }: CampaignFieldCoverageQuery) {
    const spec = await this.refs.audienceSpec(workspaceId, campaignId);
    return this.queries.execute(new AudienceFieldCoverageQuery(spec, fields));
  }
}
