import type { StatsCounter } from '@app/campaign';

/**
 * A recipient's lifecycle. `sending` is internal (the HTTP call may be in flight: the row must never be
 * sent again blindly) and is shown to clients as `queued`. `waiting` is internal too, shown as `pending`:
 * a pending recipient outside its send window, kept apart so claims never scan past it.
 */
export enum RecipientStatus {
  PENDING = 'pending',
  WAITING = 'waiting',
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

export const toPublicStatus = (s: RecipientStatus): PublicRecipientStatus =>
  s === RecipientStatus.SENDING ? 'queued' : s === RecipientStatus.WAITING ? 'pending' : s;

/** Which stats counters a status counts in: the funnel is cumulative (read ⊂ delivered ⊂ sent). */
export const COUNTS_IN: Readonly<Record<RecipientStatus, readonly StatsCounter[]>> = {
  pending: ['pending'],
  waiting: ['pending'],
  queued: ['pending'],
  sending: ['pending'],
  sent: ['sent'],
  delivered: ['sent', 'delivered'],
  read: ['sent', 'delivered', 'read'],
  failed: ['failed'],
  skipped: ['skipped'],
};
