import { Query } from '@nestjs/cqrs';

/** The reference's stats object plus `skipped` (spec "Campaign additions"); funnel counts are cumulative. */
export interface CampaignStats {
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  pending: number;
  skipped: number;
}

export const STATS_COUNTERS = ['total', 'sent', 'delivered', 'read', 'failed', 'pending', 'skipped'] as const satisfies ReadonlyArray<keyof CampaignStats>;

export const EMPTY_STATS: Readonly<CampaignStats> = { total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0 };

/** Current stats of several campaigns at once (lists read them in one round trip). */
export class GetCampaignStatsQuery extends Query<Map<string, CampaignStats>> {
  constructor(readonly campaignIds: string[]) {
    super();
  }
}
