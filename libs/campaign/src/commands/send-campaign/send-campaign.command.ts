import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** Send now: DRAFT or SCHEDULED → RUNNING. */
export class SendCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
