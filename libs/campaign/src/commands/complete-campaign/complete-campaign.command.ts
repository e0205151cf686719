import { Command } from '@nestjs/cqrs';

/** The engine: nothing is pending, queued or in flight any more. */
export class CompleteCampaignCommand extends Command<void> {
  constructor(
    readonly campaignId: string,
  ) {
    super();
  }
}
