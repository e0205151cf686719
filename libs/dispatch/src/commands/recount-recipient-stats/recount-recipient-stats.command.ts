import { Command } from '@nestjs/cqrs';

/** Recounts a campaign's stats counters from its recipient rows (exact, even while it sends). */
export class RecountRecipientStatsCommand extends Command<void> {
  constructor(readonly campaignId: string) {
    super();
  }
}
