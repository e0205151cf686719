import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import { GetCampaignStatusQuery } from './get-campaign-status.query';

@QueryHandler(GetCampaignStatusQuery)
export class GetCampaignStatusHandler implements IQueryHandler<GetCampaignStatusQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  execute({ campaignId }: GetCampaignStatusQuery) {
    return this.campaigns.findStatus(campaignId);
  }
}
