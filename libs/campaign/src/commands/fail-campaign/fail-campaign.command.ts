import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** The engine: a campaign-fatal error (FAILED with failure_reason). */
export class FailCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly campaignId: string,
    readonly reason: string,
  ) {
    super();
  }
}
