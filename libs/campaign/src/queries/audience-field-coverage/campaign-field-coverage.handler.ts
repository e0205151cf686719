import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { AudienceFieldCoverageQuery } from '@app/audience';
import { CampaignRepository } from '../../database/campaign.repository';
import { CampaignFieldCoverageQuery } from './campaign-field-coverage.query';

@QueryHandler(CampaignFieldCoverageQuery)
export class CampaignFieldCoverageHandler implements IQueryHandler<CampaignFieldCoverageQuery> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, campaignId, fields }: CampaignFieldCoverageQuery) {
    const spec = await this.campaigns.audienceSpec(workspaceId, campaignId);
    return this.queries.execute(new AudienceFieldCoverageQuery(spec, fields));
  }
}
