import type { StatsCounter } from '@app/campaign';

/**
 * A recipient's lifecycle. `sending` is internal (the HTTP call may be in flight: the row must never be
 * sent again blindly) and is shown to clients as `queued`.
 */
export enum RecipientStatus {
  PENDING = 'pending',
  QUEUED = 'queued',
  SENDING = 'sending',
  SENT = 'sent',
  DELIVERED = 'delivered',
  READ = 'read',
  FAILED = 'failed',
  SKIPPED = 'skipped',
}

export const PUBLIC_RECIPIENT_STATUSES = ['pending', 'queued', 'sent', 'delivered', 'read', 'failed', 'skipped'] as const;
export type PublicRecipientStatus = (typeof PUBLIC_RECIPIENT_STATUSES)[number];

export const toPublicStatus = (s: RecipientStatus): PublicRecipientStatus => (s === RecipientStatus.SENDING ? 'queued' : s);

export type StatsDelta = Partial<Record<StatsCounter, number>>;

/** Which stats counters a status counts in: the funnel is cumulative (read ⊂ delivered ⊂ sent). */
const COUNTS_IN: Record<RecipientStatus, StatsCounter[]> = {
  pending: ['pending'],
  queued: ['pending'],
  sending: ['pending'],
  sent: ['sent'],
  delivered: ['sent', 'delivered'],
  read: ['sent', 'delivered', 'read'],
  failed: ['failed'],
  skipped: ['skipped'],
};

/** Adds to `acc` the counter changes of `n` recipients moving from one status to another. */
export function addTransition(acc: StatsDelta, from: RecipientStatus | null, to: RecipientStatus, n = 1): StatsDelta {
  if (from === null) acc.total = (acc.total ?? 0) + n;
  for (const k of from ? COUNTS_IN[from] : []) acc[k] = (acc[k] ?? 0) - n;
  for (const k of COUNTS_IN[to]) acc[k] = (acc[k] ?? 0) + n;
  for (const k of Object.keys(acc) as StatsCounter[]) if (acc[k] === 0) delete acc[k];
  return acc;
}

