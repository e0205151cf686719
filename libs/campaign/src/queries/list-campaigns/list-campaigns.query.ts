import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { CampaignProps } from '../../domain/campaign.aggregate';

export class ListCampaignsQuery extends Query<Page<Readonly<CampaignProps>>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
    readonly statuses?: CampaignStatus[],
  ) {
    super();
  }
}
