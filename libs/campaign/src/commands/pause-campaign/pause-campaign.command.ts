import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** Manual pause of a RUNNING or SCHEDULED campaign: in-flight sends drain, nothing new starts. */
export class PauseCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
