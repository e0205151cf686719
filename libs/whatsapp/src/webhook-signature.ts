import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sha256=';

/** The `X-Hub-Signature-256` value Meta sends: HMAC-SHA256 of the raw body with the app secret. */
export function signWebhookBody(rawBody: Buffer | string, appSecret: string): string {
  return PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

export function verifyWebhookSignature(rawBody: Buffer, signatureHeader: string | undefined, appSecret: string): boolean {
  if (!signatureHeader || !appSecret || !signatureHeader.startsWith(PREFIX)) return false;
  const given = Buffer.from(signatureHeader.slice(PREFIX.length).trim().toLowerCase(), 'utf8');
  const expected = Buffer.from(signWebhookBody(rawBody, appSecret).slice(PREFIX.length), 'utf8');
  // timingSafeEqual throws on different lengths; the length of a hex digest is public anyway.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
