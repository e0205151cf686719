import { Command } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';
import type { CloneOutcome } from '../create-outcome-group/create-outcome-group.command';

/**
 * A new DRAFT with the campaign's template, channel, mapping, batch settings and audience, named `name` or
 * "<name> (copy)"; with `outcome`, its audience is instead a group of this campaign's recipients with that outcome.
 */
export class CloneCampaignCommand extends Command<Readonly<CampaignProps>> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly name?: string,
    readonly outcome?: CloneOutcome,
  ) {
    super();
  }
}
