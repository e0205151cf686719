import { Query } from '@nestjs/cqrs';

/**
 * The counters of a campaign's delivery figures, in column order: the one list that Dispatch's deltas,
 * Analytics' writes and the campaign's API object all go by. The funnel is cumulative: a read message
 * also counts as sent and delivered.
 */
export const STATS_COUNTERS = ['total', 'sent', 'delivered', 'read', 'failed', 'pending', 'skipped'] as const;
export type StatsCounter = (typeof STATS_COUNTERS)[number];
export type CampaignStats = Record<StatsCounter, number>;

export const EMPTY_STATS: Readonly<CampaignStats> = { total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0 };

/**
 * Current stats of several campaigns at once (lists read them in one round trip). Declared by Campaign,
 * whose API object embeds the stats, and answered by Analytics, which keeps the counters.
 */
export class GetCampaignStatsQuery extends Query<Map<string, CampaignStats>> {
  constructor(readonly campaignIds: string[]) {
    super();
  }
}
