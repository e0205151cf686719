import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { RecipientStatsChangedEvent } from '@app/dispatch';
import { DataSource } from 'typeorm';
import { STATS_COUNTERS as COUNTERS } from '../queries/get-campaign-stats/get-campaign-stats.query';

type Counters = Partial<Record<(typeof COUNTERS)[number], number>>;

/**
 * Keeps campaign_stats current from Dispatch's deltas without scanning recipient rows. One upsert is in
 * flight per process at a time; deltas that arrive meanwhile are summed and written by the next one. A
 * quiet campaign's delta is written at once, while a busy one (thousands of webhook batches a second)
 * costs a handful of statements a second instead of one commit per batch on a single hot row.
 */
@EventsHandler(RecipientStatsChangedEvent)
export class ApplyStatsDeltaHandler implements IEventHandler<RecipientStatsChangedEvent>, OnApplicationShutdown {
  private readonly logger = new Logger(ApplyStatsDeltaHandler.name);
  private waiting = new Map<string, Counters>();
  private writing?: Promise<void>;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  handle({ campaignId, delta }: RecipientStatsChangedEvent): Promise<void> {
    const sum = this.waiting.get(campaignId) ?? {};
    for (const k of COUNTERS) if (delta[k]) sum[k] = (sum[k] ?? 0) + delta[k];
    this.waiting.set(campaignId, sum);
    this.writing ??= this.drain().finally(() => (this.writing = undefined));
    return this.writing;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.writing;
  }

  private async drain(): Promise<void> {
    while (this.waiting.size) {
      const batch = [...this.waiting].sort(([a], [b]) => (a < b ? -1 : 1));
      this.waiting = new Map();
      try {
        // Rows in campaign id order: the API and the worker upsert concurrently and must not deadlock.
        await this.db.query(
          `INSERT INTO campaign_stats (campaign_id, ${COUNTERS.join(', ')})
           SELECT * FROM unnest($1::uuid[], ${COUNTERS.map((_, i) => `$${i + 2}::int[]`).join(', ')})
           ON CONFLICT (campaign_id) DO UPDATE SET
             ${COUNTERS.map((k) => `${k} = campaign_stats.${k} + EXCLUDED.${k}`).join(', ')}, updated_at = now()`,
          [batch.map(([id]) => id), ...COUNTERS.map((k) => batch.map(([, sum]) => sum[k] ?? 0))],
        );
      } catch (e) {
        // A lost delta only makes the counters drift until the next refresh-metrics; never crash the sender.
        this.logger.error(`stats deltas for ${batch.length} campaign(s) not applied: ${(e as Error).message}`);
      }
    }
  }
}
