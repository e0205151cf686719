import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** PAUSED → RUNNING (or back to SCHEDULED if it never started and its time is still ahead). */
export class ResumeCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
