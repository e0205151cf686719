import { addTransition, RecipientStatus, StatsDelta } from '@app/dispatch';
import { CampaignStats, EMPTY_STATS } from '@app/campaign';

/**
 * Stats from per-status recipient counts, through the very mapping the incremental deltas use (each
 * recipient counted as if it had just arrived in its status), so recomputed and incremental agree.
 */
export function statsFromCounts(counts: Partial<Record<RecipientStatus, number>>): CampaignStats {
  const acc: StatsDelta = {};
  for (const [status, n] of Object.entries(counts)) addTransition(acc, null, status as RecipientStatus, n ?? 0);
  return { ...EMPTY_STATS, ...acc };
}
