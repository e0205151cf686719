import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** (Re)schedule: DRAFT or SCHEDULED → SCHEDULED at a future time. */
export class ScheduleCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly scheduledAt: Date,
  ) {
    super();
  }
}
