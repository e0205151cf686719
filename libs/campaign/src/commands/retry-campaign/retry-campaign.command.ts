import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** COMPLETED, STOPPED or FAILED → RUNNING, sending again to the failed recipients with the given (or default) codes. */
export class RetryCampaignCommand extends Command<Readonly<CampaignProps> & { requeued: number }> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly codes?: string[],
  ) {
    super();
  }
}
