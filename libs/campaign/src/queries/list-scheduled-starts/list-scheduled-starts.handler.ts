import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import { ListScheduledStartsQuery } from './list-scheduled-starts.query';

@QueryHandler(ListScheduledStartsQuery)
export class ListScheduledStartsHandler implements IQueryHandler<ListScheduledStartsQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  execute() {
    return this.campaigns.findScheduledStarts();
  }
}
