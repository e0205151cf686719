import { Command } from '@nestjs/cqrs';

/** The campaign was deleted: its recipient rows go too. */
export class PurgeRecipientsCommand extends Command<void> {
  constructor(readonly campaignId: string) {
    super();
  }
}
