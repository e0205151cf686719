import { JITTER_RATIO, nextRetryDelay, parseRetryAfter, parseRetrySchedule, STANDARD_RETRY_SCHEDULE_MS } from './retry-schedule';

const H = 3_600_000;

describe('retry schedule', () => {
  it("defaults to Standard Webhooks' schedule, spanning more than 24 h", () => {
    expect(parseRetrySchedule(undefined)).toEqual([0, 5_000, 300_000, 1_800_000, 2 * H, 5 * H, 10 * H, 14 * H, 20 * H, 24 * H]);
    expect(STANDARD_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0)).toBeGreaterThan(24 * H);
  });

  it('parses a configured schedule and rejects a malformed one', () => {
    expect(parseRetrySchedule('0, 200,400')).toEqual([0, 200, 400]);
    expect(() => parseRetrySchedule('0,-1')).toThrow('Invalid webhook retry schedule');
    expect(() => parseRetrySchedule('0,abc')).toThrow('Invalid webhook retry schedule');
  });

  it('gives the step after the attempts made, and null once the schedule is exhausted', () => {
    const mid = () => 0.5; // no jitter
    const schedule = [...STANDARD_RETRY_SCHEDULE_MS];
    expect(nextRetryDelay(1, schedule, { random: mid })).toBe(5_000);
    expect(nextRetryDelay(2, schedule, { random: mid })).toBe(300_000);
    expect(nextRetryDelay(9, schedule, { random: mid })).toBe(24 * H);
    expect(nextRetryDelay(10, schedule, { random: mid })).toBeNull();
  });

  it('jitters each step by at most ±10 %', () => {
    const schedule = [...STANDARD_RETRY_SCHEDULE_MS];
    expect(nextRetryDelay(1, schedule, { random: () => 0 })).toBe(5_000 * (1 - JITTER_RATIO));
    expect(nextRetryDelay(1, schedule, { random: () => 0.999999 })).toBeCloseTo(5_000 * (1 + JITTER_RATIO), -1);
    for (let i = 0; i < 200; i++) {
      const d = nextRetryDelay(3, schedule)!;
      expect(d).toBeGreaterThanOrEqual(1_800_000 * 0.9);
      expect(d).toBeLessThanOrEqual(1_800_000 * 1.1);
    }
    expect(nextRetryDelay(0, schedule, { random: () => 0 })).toBe(0);
  });

  it('lets Retry-After lengthen a step, never shorten it, capped at the longest step', () => {
    const schedule = [0, 1_000, 2_000];
    const mid = () => 0.5;
    expect(nextRetryDelay(1, schedule, { random: mid, retryAfterMs: 1_500 })).toBe(1_500);
    expect(nextRetryDelay(1, schedule, { random: mid, retryAfterMs: 10 })).toBe(1_000);
    expect(nextRetryDelay(1, schedule, { random: mid, retryAfterMs: 99_000_000 })).toBe(2_000);
    expect(nextRetryDelay(3, schedule, { random: mid, retryAfterMs: 10 })).toBeNull();
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
