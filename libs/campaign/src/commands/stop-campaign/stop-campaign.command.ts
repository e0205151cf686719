import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** Terminal stop: undispatched recipients stay pending. */
export class StopCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
