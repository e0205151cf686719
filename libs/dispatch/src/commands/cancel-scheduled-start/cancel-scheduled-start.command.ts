import { Command } from '@nestjs/cqrs';

/** The campaign no longer waits for its start time (started, paused, stopped, failed). */
export class CancelScheduledStartCommand extends Command<void> {
  constructor(readonly campaignId: string) {
    super();
  }
}
