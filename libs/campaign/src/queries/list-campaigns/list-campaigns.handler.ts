import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { CampaignRepository } from '../../database/campaign.repository';
import { ListCampaignsQuery } from './list-campaigns.query';

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute({ workspaceId, limit, cursor, statuses }: ListCampaignsQuery) {
    const rows = await this.campaigns.list(workspaceId, { statuses, after: decodeCursor(cursor), limit });
    const { items, next_cursor } = paginate(rows, limit);
    return { data: items, next_cursor };
  }
}
