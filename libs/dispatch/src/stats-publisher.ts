import { Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import type { DeltasByCampaign } from './database/recipient-ledger';
import { RecipientStatsChangedEvent } from './domain/events/recipient-stats-changed.event';

/** Announces how recipient writes moved each campaign's counters (Analytics keeps the counters). */
@Injectable()
export class StatsPublisher {
  constructor(private readonly events: EventBus) {}

  publish(deltas: DeltasByCampaign): void {
    for (const [campaignId, delta] of deltas) {
      if (Object.keys(delta).length) this.events.publish(new RecipientStatsChangedEvent(campaignId, delta));
    }
  }
}
