import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { DescribeAudienceQuery } from '@app/audience';
import { CampaignRepository } from '../../database/campaign.repository';
import { CampaignPresenter } from '../campaign.presenter';
import { GetCampaignQuery } from './get-campaign.query';

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly presenter: CampaignPresenter,
    private readonly queries: QueryBus,
  ) {}

  async execute({ workspaceId, campaignId }: GetCampaignQuery) {
    const c = (await this.campaigns.findById(workspaceId, campaignId)).snapshot();
    const [view, audiences] = await Promise.all([
      this.presenter.presentOne(c),
      this.queries.execute(new DescribeAudienceQuery({ workspaceId, groupIds: c.audience.groups, sourceIds: c.audience.sources })),
    ]);
    return { ...view, audiences };
  }
}
