import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** Dispatch materialised the audience: total_recipients is now known. */
export class RecordMaterialisedCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly campaignId: string,
    readonly totalRecipients: number,
  ) {
    super();
  }
}
