import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** Send now: DRAFT or SCHEDULED → RUNNING. */
export class SendCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
