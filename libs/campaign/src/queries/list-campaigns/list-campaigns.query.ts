import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { CampaignProps } from '../../domain/campaign.aggregate';

export class ListCampaignsQuery extends Query<Page<Readonly<CampaignProps>>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
    readonly statuses?: CampaignStatus[],
  ) {
    super();
  }
}
