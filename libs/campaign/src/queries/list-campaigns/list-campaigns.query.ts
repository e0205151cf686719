import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { CampaignStatus } from '../../domain/campaign-status';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

export class ListCampaignsQuery extends Query<Page<CampaignResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
    readonly statuses?: CampaignStatus[],
  ) {
    super();
  }
}
