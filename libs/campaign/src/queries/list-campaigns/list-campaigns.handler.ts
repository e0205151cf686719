import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import { ListCampaignsQuery } from './list-campaigns.query';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  execute({ workspaceId, page, statuses }: ListCampaignsQuery) {
    return this.campaigns.list(workspaceId, statuses, page);
  }
}
