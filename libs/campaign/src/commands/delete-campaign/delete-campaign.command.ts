import { Command } from '@nestjs/cqrs';

/** Allowed while DRAFT, SCHEDULED or terminal; RUNNING and PAUSED campaigns must be stopped first. */
export class DeleteCampaignCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
