import { Command } from '@nestjs/cqrs';
import type { CampaignResponseDto } from '../../http/dto/campaign.response.dto';

/** Manual pause of a RUNNING or SCHEDULED campaign: in-flight sends drain, nothing new starts. */
export class PauseCampaignCommand extends Command<CampaignResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
