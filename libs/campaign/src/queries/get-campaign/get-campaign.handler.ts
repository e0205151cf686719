import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DescribeAudienceQuery } from '@app/audience';
import { CampaignRepository } from '../../database/campaign.repository';
import { toAudienceSpec } from '../../domain/campaign.aggregate';
import { CampaignDetails, GetCampaignQuery } from './get-campaign.query';

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, campaignId }: GetCampaignQuery): Promise<CampaignDetails> {
    const campaign = (await this.campaigns.findById(workspaceId, campaignId)).snapshot();
    const audiences = await this.queries.execute(new DescribeAudienceQuery(toAudienceSpec(workspaceId, campaign.audience, campaign.id)));
    return { campaign, audiences };
  }
}
