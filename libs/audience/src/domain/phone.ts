import { parsePhoneNumberWithError } from 'libphonenumber-js/max';

/** Longer input is never a phone number; refusing it early keeps the parser off pathological strings. */
const MAX_PHONE_INPUT = 40;

export type PhoneResult = { ok: true; phone: string } | { ok: false; message: string };

/**
 * Normalises a phone number to E.164. Only international numbers ("+" then the country code) are
 * accepted: without a country there is no safe way to read a national number, and guessing would
 * message the wrong person. Validity uses the full metadata (number ranges), not just lengths.
 */
export function normalisePhone(input: unknown): PhoneResult {
  if (typeof input !== 'string') return { ok: false, message: 'phone must be a string' };
  const raw = input.trim();
  if (!raw.startsWith('+')) return { ok: false, message: 'phone must be in international format, starting with + and the country code' };
  if (raw.length > MAX_PHONE_INPUT) return { ok: false, message: 'phone is too long' };
  try {
    const parsed = parsePhoneNumberWithError(raw);
    if (!parsed.isValid()) return { ok: false, message: `${raw} is not a valid phone number` };
    return { ok: true, phone: parsed.number };
  } catch {
    return { ok: false, message: `${raw} is not a phone number` };
  }
}
