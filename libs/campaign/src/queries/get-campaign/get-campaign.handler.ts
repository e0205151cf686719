import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import type { CampaignProps } from '../../domain/campaign.aggregate';
import { GetCampaignQuery } from './get-campaign.query';

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute({ workspaceId, campaignId }: GetCampaignQuery): Promise<Readonly<CampaignProps>> {
    return (await this.campaigns.findById(workspaceId, campaignId)).snapshot();
  }
}
