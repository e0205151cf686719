import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { STATS_COUNTERS as COUNTERS } from '@app/campaign';
import { RecipientStatsChangedEvent, StatsDelta } from '@app/dispatch';
import { DataSource } from 'typeorm';
import { GroupCommit, isBackendUnavailable, PendingWrites } from '@app/platform';

/** While Postgres is unreachable, pending deltas are tried again this often. */
const RETRY_MS = 1_000;

/**
 * Keeps campaign_stats current from Dispatch's deltas without scanning recipient rows. Deltas are group
 * committed and summed per campaign: a quiet campaign's delta is written at once, while a busy one
 * (thousands of webhook batches a second) costs a handful of statements a second instead of one commit
 * per batch on a single hot row.
 */
@EventsHandler(RecipientStatsChangedEvent)
export class ApplyStatsDeltaHandler implements IEventHandler<RecipientStatsChangedEvent>, OnApplicationShutdown {
  private readonly logger = new Logger(ApplyStatsDeltaHandler.name);
  private readonly writes = new GroupCommit<RecipientStatsChangedEvent>((events) => this.write(events));
  private closing = false;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly pending: PendingWrites,
  ) {}

  handle(event: RecipientStatsChangedEvent): Promise<void> {
    return this.pending.track(this.writes.submit([event]));
  }

  onApplicationShutdown(): Promise<void> {
    this.closing = true;
    return this.writes.idle();
  }

  private async write(events: RecipientStatsChangedEvent[]): Promise<void> {
    const sums = new Map<string, StatsDelta>();
    for (const { campaignId, delta } of events) {
      const sum = sums.get(campaignId) ?? {};
      for (const k of COUNTERS) if (delta[k]) sum[k] = (sum[k] ?? 0) + delta[k];
      sums.set(campaignId, sum);
    }
    const batch = [...sums].sort(([a], [b]) => (a < b ? -1 : 1));
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
      // Postgres unreachable: the deltas wait (summed, a few numbers per campaign) and go in once it is back.
      if (isBackendUnavailable(e) && !this.closing) {
        const retry = setTimeout(() => void this.writes.submit(events).catch(() => undefined), RETRY_MS);
        retry.unref();
        return;
      }
      // A lost delta only makes the counters drift until the next refresh-metrics; never crash the sender.
      this.logger.error(`stats deltas for ${batch.length} campaign(s) not applied: ${(e as Error).message}`);
    }
  }
}
