import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** The engine pauses on its own (template paused, spam limit, messaging limit, missed schedule) with a reason. */
export class AutoPauseCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly campaignId: string,
    readonly reason: string,
  ) {
    super();
  }
}
