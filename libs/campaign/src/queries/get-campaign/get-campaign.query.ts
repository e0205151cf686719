import { Query } from '@nestjs/cqrs';
import type { AudienceRow } from '@app/audience';
import type { CampaignProps } from '../../domain/campaign.aggregate';

export interface CampaignDetails {
  campaign: Readonly<CampaignProps>;
  /** One row per group and source of the audience, named as they are now. */
  audiences: AudienceRow[];
}

/** A campaign of the workspace (CAMPAIGN_NOT_FOUND otherwise) with its audience rows. */
export class GetCampaignQuery extends Query<CampaignDetails> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
