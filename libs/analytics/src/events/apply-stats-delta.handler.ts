import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecipientStatsChangedEvent } from '@app/dispatch';
import { DataSource } from 'typeorm';
import { STATS_COUNTERS as COUNTERS } from '../queries/get-campaign-stats/get-campaign-stats.query';

/** Keeps campaign_stats current from Dispatch's deltas: one upsert, no scan of recipient rows. */
@EventsHandler(RecipientStatsChangedEvent)
export class ApplyStatsDeltaHandler implements IEventHandler<RecipientStatsChangedEvent> {
  private readonly logger = new Logger(ApplyStatsDeltaHandler.name);

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async handle({ campaignId, delta }: RecipientStatsChangedEvent): Promise<void> {
    const values = COUNTERS.map((k) => delta[k] ?? 0);
    try {
      await this.db.query(
        `INSERT INTO campaign_stats (campaign_id, ${COUNTERS.join(', ')}) VALUES ($1, ${COUNTERS.map((_, i) => `$${i + 2}`).join(', ')})
         ON CONFLICT (campaign_id) DO UPDATE SET
           ${COUNTERS.map((k) => `${k} = campaign_stats.${k} + EXCLUDED.${k}`).join(', ')}, updated_at = now()`,
        [campaignId, ...values],
      );
    } catch (e) {
      // A lost delta only makes the counters drift until the next refresh-metrics; never crash the sender.
      this.logger.error(`stats delta for campaign ${campaignId} not applied: ${(e as Error).message}`);
    }
  }
}
