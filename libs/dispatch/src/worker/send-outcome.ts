import { TEMPLATE_PAUSED } from '@app/campaign';
import type { ErrorClass } from '@app/whatsapp';
import { AutoPauseReason } from '../domain/dispatch.errors';
import { RecipientStatus } from '../domain/recipient-status';

/** Meta's pair rate limit (131056) wants at least 6 s between messages to one user. */
export const PAIR_RETRY_BASE_MS = 6_000;
/** A recipient refused by the channel's throughput limit comes back after this (doubling, jittered). */
export const CHANNEL_RETRY_BASE_MS = 250;
const CHANNEL_RETRY_MAX_MS = 30_000;
export const MAX_RECIPIENT_ATTEMPTS = 3;
export const MAX_CHANNEL_RETRIES = 20;

const AUTO_PAUSE_BY_CODE: Record<number, string> = {
  132015: TEMPLATE_PAUSED,
  131048: AutoPauseReason.SPAM_RATE_LIMIT,
};

/** The parts of a Graph API error that decide what happens next. */
export interface SendError {
  errorClass: ErrorClass;
  code?: number;
  httpStatus?: number;
  message: string;
  retryAfterMs?: number;
}

/** What one refused or failed send means, before it is tied to a recipient row. */
export interface SendVerdict {
  /** The recipient's new state; null when nobody knows whether the message left (never resent). */
  recipient: {
    status: RecipientStatus.FAILED | RecipientStatus.PENDING;
    code: string | null;
    message: string | null;
    countAttempt: boolean;
    nextAttemptAt: Date | null;
  } | null;
  /** The whole campaign stops (FAILED) or pauses (with that reason). */
  campaign: { action: 'fail' | 'pause'; reason: string } | null;
  /** The channel is over its throughput: slow it down, or hold it for Meta's Retry-After. */
  slowChannel: { holdMs: number } | null;
  /** The user stopped marketing messages from this business: the contact opts out of marketing templates. */
  optOut: boolean;
}

/** `base · 2^n`, capped, with ±50 % jitter so retries of a burst don't come back as a burst. */
export function jitteredBackoff(baseMs: number, n: number, capMs: number, random: () => number = Math.random): number {
  return Math.round(Math.min(capMs, baseMs * 2 ** n) * (0.5 + random()));
}

/**
 * Classifies a send's error for a recipient that had `attempts` earlier attempts. Pure: the dispatcher
 * applies the verdict (records the row, pauses or fails the campaign, slows the channel).
 */
export function judgeSendError(e: SendError, attempts: number, now: Date, random: () => number = Math.random): SendVerdict {
  const code = e.code !== undefined ? String(e.code) : `HTTP_${e.httpStatus ?? 'ERROR'}`;
  const none = { campaign: null, slowChannel: null, optOut: false };
  const failed: NonNullable<SendVerdict['recipient']> = { status: RecipientStatus.FAILED, code, message: e.message, countAttempt: true, nextAttemptAt: null };
  const retryIn = (ms: number): NonNullable<SendVerdict['recipient']> => ({
    status: RecipientStatus.PENDING,
    code,
    message: e.message,
    countAttempt: true,
    nextAttemptAt: new Date(now.getTime() + ms),
  });
  switch (e.errorClass) {
    case 'uncertain':
      return { ...none, recipient: null };
    case 'retry_channel':
      return {
        ...none,
        recipient: attempts + 1 >= MAX_CHANNEL_RETRIES ? failed : retryIn(jitteredBackoff(CHANNEL_RETRY_BASE_MS, attempts, CHANNEL_RETRY_MAX_MS, random)),
        slowChannel: { holdMs: e.retryAfterMs ?? 0 },
      };
    case 'retry_recipient':
      // Never sooner than the pair limit allows, so the jitter only lengthens the wait.
      return { ...none, recipient: attempts + 1 >= MAX_RECIPIENT_ATTEMPTS ? failed : retryIn(PAIR_RETRY_BASE_MS * 2 ** attempts * (1 + random() / 2)) };
    case 'fatal':
      return { ...none, recipient: failed, campaign: { action: 'fail', reason: `${code}: ${e.message}` } };
    case 'auto_pause':
      // Not the recipient's fault: it is sent once the campaign resumes, without using up an attempt.
      return {
        ...none,
        recipient: { status: RecipientStatus.PENDING, code: null, message: null, countAttempt: false, nextAttemptAt: null },
        campaign: { action: 'pause', reason: AUTO_PAUSE_BY_CODE[e.code ?? 0] ?? code },
      };
    default:
      return { ...none, recipient: failed, optOut: e.code === 131050 };
  }
}
