import { Command } from '@nestjs/cqrs';
import type { CampaignAudience, CampaignProps } from '../../domain/campaign.aggregate';

/** Replaces the audience; only while DRAFT or PAUSED, so a running send never sees its audience change. */
export class SetCampaignAudienceCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly audience: CampaignAudience,
  ) {
    super();
  }
}
