/**
 * What the dispatcher does with a failed send:
 * - `retry_channel`: retry later and slow the whole channel down;
 * - `retry_recipient`: retry this recipient alone after a delay;
 * - `permanent`: fail this recipient, no retry;
 * - `fatal`: fail the campaign;
 * - `auto_pause`: pause the campaign until fixed;
 * - `uncertain`: the request may have been accepted; never resend blindly, reconcile from webhooks.
 */
export type ErrorClass = 'retry_channel' | 'retry_recipient' | 'permanent' | 'fatal' | 'auto_pause' | 'uncertain';

const CLASS_BY_CODE = new Map<number, ErrorClass>([
  ...[130429, 131057, 131000, 131016, 1, 2, 4, 80007].map((c) => [c, 'retry_channel'] as const),
  [131056, 'retry_recipient'],
  ...[131026, 131049, 131021, 131030, 131051, 132000, 132012, 100, 131050].map((c) => [c, 'permanent'] as const),
  ...[190, 131031, 131042, 132001, 132016, 368].map((c) => [c, 'fatal'] as const),
  ...[132015, 131048].map((c) => [c, 'auto_pause'] as const),
]);

/** Classifies by Meta's `code` alone (titles change); an HTTP 5xx without a known code is a channel-level retry. */
export function classifyMetaError(code: number | undefined, httpStatus?: number): ErrorClass {
  const known = code === undefined ? undefined : CLASS_BY_CODE.get(code);
  if (known) return known;
  if (httpStatus !== undefined && httpStatus >= 500) return 'retry_channel';
  return 'permanent';
}

/** Meta asks for at least 6 s before messaging the same user again after a pair-rate error. */
const PAIR_RATE_RETRY_MS = 6_000;

export interface WhatsAppApiErrorInit {
  code?: number;
  subcode?: number;
  httpStatus?: number;
  fbtraceId?: string;
  details?: string;
  errorClass?: ErrorClass;
  retryAfterMs?: number;
  cause?: unknown;
}

export class WhatsAppApiError extends Error {
  override readonly name = 'WhatsAppApiError';
  code?: number;
  subcode?: number;
  httpStatus?: number;
  fbtraceId?: string;
  details?: string;
  errorClass: ErrorClass;
  retryAfterMs?: number;

  constructor(message: string, init: WhatsAppApiErrorInit = {}) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.subcode = init.subcode;
    this.httpStatus = init.httpStatus;
    this.fbtraceId = init.fbtraceId;
    this.details = init.details;
    this.errorClass = init.errorClass ?? classifyMetaError(init.code, init.httpStatus);
    this.retryAfterMs = init.retryAfterMs ?? (init.code === 131056 ? PAIR_RATE_RETRY_MS : undefined);
  }
}

/**
 * Codes whose failure says nothing lasting about the recipient, so a later attempt may well succeed:
 * everything the engine retries on its own (throughput, pair rate, Meta-side trouble), what stopped the
 * sender rather than the recipient (token, payment, template, spam limits), and Meta's transient
 * per-recipient refusals (131026 undeliverable, 131049 ecosystem limit, 130472 experiment). Never 131050:
 * that user asked not to receive marketing.
 */
export const RETRYABLE_LATER_CODES: readonly number[] = [
  ...[...CLASS_BY_CODE].filter(([, c]) => c !== 'permanent').map(([code]) => code),
  131026,
  131049,
  130472,
];
