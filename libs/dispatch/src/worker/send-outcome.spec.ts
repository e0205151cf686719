import { RecipientStatus } from '../domain/recipient-status';
import { CHANNEL_RETRY_BASE_MS, jitteredBackoff, judgeSendError, MAX_CHANNEL_RETRIES, MAX_RECIPIENT_ATTEMPTS, PAIR_RETRY_BASE_MS, SendError } from './send-outcome';

const NOW = new Date('2026-12-04T12:00:00Z');
const err = (errorClass: SendError['errorClass'], code?: number, extra: Partial<SendError> = {}): SendError => ({ errorClass, code, message: `error ${code}`, ...extra });
const inMs = (d: Date | null | undefined) => (d ? d.getTime() - NOW.getTime() : null);

describe('judgeSendError', () => {
  it('an unknown outcome is never retried nor failed: nobody knows whether it left', () => {
    expect(judgeSendError(err('uncertain'), 0, NOW)).toEqual({ recipient: null, campaign: null, slowChannel: null, optOut: false });
  });

  it('130429 puts the recipient back to pending at once, with a jittered next attempt, and slows the channel', () => {
    const v = judgeSendError(err('retry_channel', 130429), 0, NOW, () => 0.5);
    expect(v.recipient).toMatchObject({ status: RecipientStatus.PENDING, code: '130429', countAttempt: true });
    expect(inMs(v.recipient!.nextAttemptAt)).toBe(CHANNEL_RETRY_BASE_MS);
    expect(v.slowChannel).toEqual({ holdMs: 0 });
    expect(v.campaign).toBeNull();
  });

  it("honours Meta's Retry-After as a hold on the channel", () => {
    expect(judgeSendError(err('retry_channel', 130429, { retryAfterMs: 3000 }), 0, NOW).slowChannel).toEqual({ holdMs: 3000 });
  });

  it('a recipient refused for throughput too often ends failed with the code', () => {
    expect(judgeSendError(err('retry_channel', 130429), MAX_CHANNEL_RETRIES - 1, NOW).recipient).toMatchObject({ status: RecipientStatus.FAILED, code: '130429' });
  });

  it('an HTTP error without a Meta code is named by its status', () => {
    expect(judgeSendError(err('retry_channel', undefined, { httpStatus: 503 }), 0, NOW).recipient!.code).toBe('HTTP_503');
  });

  it('131056 waits at least the pair limit, doubling per attempt, then fails', () => {
    const first = judgeSendError(err('retry_recipient', 131056), 0, NOW, () => 0);
    expect(inMs(first.recipient!.nextAttemptAt)).toBe(PAIR_RETRY_BASE_MS);
    const second = judgeSendError(err('retry_recipient', 131056), 1, NOW, () => 0.999);
    expect(inMs(second.recipient!.nextAttemptAt)).toBeGreaterThanOrEqual(2 * PAIR_RETRY_BASE_MS);
    expect(inMs(second.recipient!.nextAttemptAt)).toBeLessThanOrEqual(3 * PAIR_RETRY_BASE_MS);
    expect(second.slowChannel).toBeNull();
    expect(judgeSendError(err('retry_recipient', 131056), MAX_RECIPIENT_ATTEMPTS - 1, NOW).recipient!.status).toBe(RecipientStatus.FAILED);
  });

  it('a campaign-fatal error fails the recipient and the campaign', () => {
    const v = judgeSendError(err('fatal', 190), 0, NOW);
    expect(v.recipient).toMatchObject({ status: RecipientStatus.FAILED, code: '190' });
    expect(v.campaign).toEqual({ action: 'fail', reason: '190: error 190' });
  });

  it('a paused template pauses the campaign and keeps the recipient pending without using an attempt', () => {
    const v = judgeSendError(err('auto_pause', 132015), 1, NOW);
    expect(v.recipient).toEqual({ status: RecipientStatus.PENDING, code: null, message: null, countAttempt: false, nextAttemptAt: null });
    expect(v.campaign).toEqual({ action: 'pause', reason: 'TEMPLATE_PAUSED' });
    expect(judgeSendError(err('auto_pause', 131048), 0, NOW).campaign!.reason).toBe('SPAM_RATE_LIMIT');
  });

  it('a permanent error fails the recipient; 131050 also opts the contact out', () => {
    expect(judgeSendError(err('permanent', 131026), 0, NOW)).toMatchObject({ recipient: { status: RecipientStatus.FAILED, code: '131026' }, optOut: false });
    expect(judgeSendError(err('permanent', 131050), 0, NOW).optOut).toBe(true);
  });
});

describe('jitteredBackoff', () => {
  it('doubles per step, is capped, and spreads ±50 %', () => {
    expect(jitteredBackoff(100, 3, 10_000, () => 0.5)).toBe(800);
    expect(jitteredBackoff(100, 20, 10_000, () => 0.5)).toBe(10_000);
    expect(jitteredBackoff(100, 0, 10_000, () => 0)).toBe(50);
    expect(jitteredBackoff(100, 0, 10_000, () => 0.999)).toBe(150);
  });
});
