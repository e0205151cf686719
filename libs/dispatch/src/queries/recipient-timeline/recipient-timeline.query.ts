import { Query } from '@nestjs/cqrs';

/** Bucket widths the timeline offers, as Postgres intervals. */
export const TIMELINE_BUCKETS = { '1m': '1 minute', '5m': '5 minutes', '15m': '15 minutes', '1h': '1 hour', '1d': '1 day' } as const;
export type TimelineBucket = keyof typeof TIMELINE_BUCKETS;

export interface TimelinePoint {
  /** Start of the bucket (UTC, aligned on the Unix epoch). */
  at: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  /** Test sends (outside the recipients and stats), by the time they were made. */
  test: number;
  /** Pending recipients that fall due in this (future) bucket: their send window opens, or a retry delay ends. */
  waiting: number;
}

/**
 * Recipients per bucket of the time they were sent, delivered, read or failed; buckets without any event
 * are left out. A timestamp counts only while the row's status still counts in that stats counter, so
 * each column of the series adds up to the campaign's stats (a sent message that later failed is failed).
 * `test` counts the campaign's test sends, which are in no stats counter.
 */
export class RecipientTimelineQuery extends Query<TimelinePoint[]> {
  constructor(
    readonly campaignId: string,
    readonly bucket: TimelineBucket,
  ) {
    super();
  }
}
