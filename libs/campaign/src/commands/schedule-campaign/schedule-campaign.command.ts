import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** (Re)schedule: DRAFT or SCHEDULED → SCHEDULED at a future time. */
export class ScheduleCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly scheduledAt: Date,
  ) {
    super();
  }
}
