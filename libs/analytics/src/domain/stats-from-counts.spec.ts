import { addTransition, RecipientStatus, StatsDelta } from '@app/dispatch';
import { statsFromCounts } from './stats-from-counts';

describe('statsFromCounts', () => {
  it('maps every status into the cumulative funnel', () => {
    expect(statsFromCounts({ pending: 1, queued: 2, sending: 3, sent: 4, delivered: 5, read: 6, failed: 7, skipped: 8 })).toEqual({
      total: 36, pending: 6, sent: 15, delivered: 11, read: 6, failed: 7, skipped: 8,
    });
  });

  it('answers zeros for a campaign without recipients', () => {
    expect(statsFromCounts({})).toEqual({ total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0 });
  });

  it('agrees with the incremental deltas of the same history', () => {
    const acc: StatsDelta = {};
    const moves: Array<[RecipientStatus | null, RecipientStatus]> = [
      [null, RecipientStatus.PENDING], [null, RecipientStatus.PENDING], [null, RecipientStatus.PENDING], [null, RecipientStatus.SKIPPED],
      [RecipientStatus.PENDING, RecipientStatus.QUEUED], [RecipientStatus.QUEUED, RecipientStatus.SENT], [RecipientStatus.SENT, RecipientStatus.READ],
      [RecipientStatus.PENDING, RecipientStatus.QUEUED], [RecipientStatus.QUEUED, RecipientStatus.SENT], [RecipientStatus.SENT, RecipientStatus.FAILED],
    ];
    for (const [from, to] of moves) addTransition(acc, from, to);
    expect(statsFromCounts({ read: 1, failed: 1, pending: 1, skipped: 1 })).toEqual({ total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0, ...acc });
  });
});
