import { Query } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** A campaign of the workspace (CAMPAIGN_NOT_FOUND otherwise). */
export class GetCampaignQuery extends Query<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
