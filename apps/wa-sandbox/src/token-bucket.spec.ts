import { TokenBucket } from './token-bucket';

describe('TokenBucket', () => {
  it('allows a one-second burst then refills at the rate', () => {
    const b = new TokenBucket(2, 0);
    expect([b.take(0), b.take(0), b.take(0)]).toEqual([true, true, false]);
    expect(b.take(499)).toBe(false);
    expect(b.take(500)).toBe(true);
    expect(b.take(500)).toBe(false);
  });

  it('never blocks when the rate is 0 (unlimited)', () => {
    const b = new TokenBucket(0, 0);
    expect(Array.from({ length: 1000 }, () => b.take(0)).every(Boolean)).toBe(true);
  });
});
