import { RETRYABLE_LATER_CODES } from '@app/whatsapp';
import { CodeNotRetryableError } from './campaign.errors';

/** Failures retried when a retry names no codes. */
export const DEFAULT_RETRY_CODES: readonly string[] = RETRYABLE_LATER_CODES.map(String);

/**
 * Failures never sent again, even when named: 131050 is the user's own opt-out, the rest say the number
 * can't be messaged, and DISPATCH_UNCERTAIN may have reached the phone (a retry could message it twice).
 */
export const NEVER_RETRIED: readonly string[] = ['131050', 'OPTED_OUT', 'INVALID_PHONE', 'DISPATCH_UNCERTAIN'];

/** The failure codes a retry puts back to pending: the named ones (refusing any never retried), or the default set. */
export function retryCodes(named: readonly string[] | undefined): string[] {
  if (!named?.length) return [...DEFAULT_RETRY_CODES];
  const refused = named.filter((c) => NEVER_RETRIED.includes(c));
  if (refused.length) throw new CodeNotRetryableError(refused);
  return [...new Set(named)];
}
