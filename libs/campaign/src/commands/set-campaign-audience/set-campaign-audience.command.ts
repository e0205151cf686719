import { Command } from '@nestjs/cqrs';
import type { CampaignAudience } from '../../domain/campaign.aggregate';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** Replaces the audience; only while DRAFT or PAUSED (reference). */
export class SetCampaignAudienceCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly audience: CampaignAudience,
  ) {
    super();
  }
}
