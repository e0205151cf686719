/**
 * Standard Webhooks' schedule: the delay before each attempt (the first is immediate). After the last
 * one fails the delivery is failed, more than 24 h after the event.
 */
export const STANDARD_RETRY_SCHEDULE_MS: readonly number[] = [
  0,
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  14 * 3_600_000,
  20 * 3_600_000,
  24 * 3_600_000,
];

/** ±10 %: receivers recovering from an outage are not hit by every queued retry in the same instant. */
export const JITTER_RATIO = 0.1;

export function parseRetrySchedule(value: string | undefined): number[] {
  if (!value) return [...STANDARD_RETRY_SCHEDULE_MS];
  const delays = value.split(',').map((s) => Number(s.trim()));
  if (!delays.length || delays.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new Error(`Invalid webhook retry schedule: ${value}`);
  }
  return delays;
}

/**
 * Delay before the next attempt once `attemptsMade` attempts have failed, or null when the schedule is
 * exhausted. `retryAfterMs` (the receiver's Retry-After) can lengthen the delay, never shorten it, and
 * is capped by the schedule's longest step so a receiver cannot park a delivery forever.
 */
export function nextRetryDelay(
  attemptsMade: number,
  schedule: readonly number[],
  opts: { retryAfterMs?: number | null; random?: () => number } = {},
): number | null {
  if (attemptsMade >= schedule.length) return null;
  const base = schedule[attemptsMade];
  const jittered = Math.round(base * (1 + JITTER_RATIO * (2 * (opts.random ?? Math.random)() - 1)));
  const retryAfter = Math.min(opts.retryAfterMs ?? 0, Math.max(...schedule));
  return Math.max(jittered, retryAfter);
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110 §10.2.3); anything else is ignored. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return null;
  if (/^\s*\d+\s*$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
