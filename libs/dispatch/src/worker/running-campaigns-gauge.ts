import { Injectable, OnModuleDestroy } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { Gauge } from 'prom-client';
import { FindCampaignsToReconcileQuery, GetCampaignStatsQuery, STATS_COUNTERS } from '@app/campaign';

type Read = () => Promise<Array<{ campaignId: string; counts: Record<string, number> }>>;
let read: Read | null = null;

new Gauge({
  name: 'wace_campaign_recipients',
  help: 'Recipients of each RUNNING campaign by status (its stats counters), read at scrape time',
  labelNames: ['campaign_id', 'status'],
  async collect() {
    this.reset();
    for (const { campaignId, counts } of (await read?.().catch(() => [])) ?? []) {
      for (const status of STATS_COUNTERS) this.set({ campaign_id: campaignId, status }, counts[status]);
    }
  },
});

/** Feeds `wace_campaign_recipients` from this worker's buses (the gauge is process-wide; the latest worker module answers). */
@Injectable()
export class RunningCampaignsGauge implements OnModuleDestroy {
  private readonly read: Read = async () => {
    const { running } = await this.queries.execute(new FindCampaignsToReconcileQuery(new Date()));
    const stats = running.length ? await this.queries.execute(new GetCampaignStatsQuery(running)) : new Map();
    return [...stats].map(([campaignId, counts]) => ({ campaignId, counts }));
  };

  constructor(private readonly queries: QueryBus) {
    read = this.read;
  }

  onModuleDestroy(): void {
    if (read === this.read) read = null;
  }
}
