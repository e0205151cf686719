import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** The engine's scheduler: scheduled_at arrived (SCHEDULED → RUNNING, or PAUSED with SCHEDULE_MISSED when found too late). */
export class StartScheduledCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly campaignId: string,
  ) {
    super();
  }
}
