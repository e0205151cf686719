import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** The engine: nothing is pending, queued or in flight any more. */
export class CompleteCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly campaignId: string,
  ) {
    super();
  }
}
