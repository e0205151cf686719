import { Query } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** The campaign object plus its `audiences` rows. */
export class GetCampaignQuery extends Query<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
