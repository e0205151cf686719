import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** PAUSED → RUNNING (or back to SCHEDULED if it never started and its time is still ahead). */
export class ResumeCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
