import type { IEvent } from '@nestjs/cqrs';
import type { StatsDelta } from '../recipient-status';

/** Recipients of a campaign changed state: how each stats counter moved. Analytics keeps the counters. */
export class RecipientStatsChangedEvent implements IEvent {
  constructor(
    readonly campaignId: string,
    readonly delta: StatsDelta,
    readonly at = new Date(),
  ) {}
}
