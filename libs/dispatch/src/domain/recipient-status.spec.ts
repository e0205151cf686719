import { addTransition, RecipientStatus as S } from './recipient-status';

describe('stats deltas', () => {
  it('materialising counts into total and pending or skipped', () => {
    const d = addTransition({}, null, S.PENDING, 5);
    addTransition(d, null, S.SKIPPED, 2);
    expect(d).toEqual({ total: 7, pending: 5, skipped: 2 });
  });

  it('moves between funnel stages cumulatively', () => {
    expect(addTransition({}, S.SENDING, S.SENT)).toEqual({ pending: -1, sent: 1 });
    expect(addTransition({}, S.SENT, S.READ)).toEqual({ delivered: 1, read: 1 });
    expect(addTransition({}, S.PENDING, S.READ)).toEqual({ pending: -1, sent: 1, delivered: 1, read: 1 });
    expect(addTransition({}, S.SENT, S.FAILED)).toEqual({ sent: -1, failed: 1 });
  });

  it('internal pending states do not move counters', () => {
    expect(addTransition({}, S.PENDING, S.QUEUED)).toEqual({});
    expect(addTransition({}, S.QUEUED, S.SENDING)).toEqual({});
  });
});
