import { randomBytes } from 'node:crypto';

interface CatalogEntry {
  title: string;
  http: number;
  details: string;
}

/** The error codes the sandbox can produce, with Meta's titles and the HTTP status Meta answers them with. */
const CATALOG: Record<number, CatalogEntry> = {
  1: { title: 'API Unknown', http: 500, details: 'Invalid request or possible server error.' },
  2: { title: 'API Service', http: 503, details: 'Temporary due to downtime or due to being overloaded.' },
  4: { title: 'API Too Many Calls', http: 400, details: 'The app has reached its API call rate limit.' },
  100: { title: 'Invalid parameter', http: 400, details: 'Invalid parameter' },
  190: { title: 'Invalid OAuth access token - Cannot parse access token', http: 401, details: 'Access token has expired or is invalid' },
  368: { title: 'Temporarily blocked for policies violations', http: 400, details: 'The WhatsApp Business Account associated with the app has been restricted or disabled for violating a platform policy.' },
  80007: { title: 'Rate limit issues', http: 400, details: 'The WhatsApp Business Account has reached its rate limit.' },
  130429: { title: 'Rate limit hit', http: 400, details: 'Message failed to send because there were too many messages sent from this phone number in a short period of time' },
  131000: { title: 'Something went wrong', http: 500, details: 'Message failed to send due to an unknown error.' },
  131008: { title: 'Required parameter is missing', http: 400, details: 'The request is missing a required parameter.' },
  131016: { title: 'Service unavailable', http: 503, details: 'A service is temporarily unavailable.' },
  131021: { title: 'Recipient cannot be sender', http: 400, details: 'Sender and recipient phone number is the same.' },
  131026: { title: 'Message Undeliverable', http: 400, details: 'Unable to deliver message.' },
  131030: { title: 'Recipient phone number not in allowed list', http: 400, details: 'Recipient phone number not in allowed list.' },
  131031: { title: 'Account has been locked', http: 400, details: 'Business Account is restricted from messaging users in this country.' },
  131042: { title: 'Business eligibility payment issue', http: 400, details: 'Message failed to send because there were one or more errors related to your payment method.' },
  131047: { title: 'Re-engagement message', http: 400, details: 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.' },
  131048: { title: 'Spam rate limit hit', http: 400, details: 'Message failed to send because there are restrictions on how many messages can be sent from this phone number.' },
  131049: { title: 'This message was not delivered to maintain healthy ecosystem engagement.', http: 400, details: 'In order to maintain a healthy ecosystem engagement, the message failed to be delivered.' },
  131050: { title: 'Unable to deliver the message. This recipient has chosen to stop receiving marketing messages on WhatsApp from your business', http: 400, details: 'The user has stopped marketing messages.' },
  131051: { title: 'Unsupported message type', http: 400, details: 'Message type is not currently supported.' },
  131056: { title: '(Business Account, Consumer Account) pair rate limit hit', http: 400, details: 'Message failed to send because there were too many messages sent from this phone number to the same phone number in a short period of time.' },
  131057: { title: 'Account in maintenance mode', http: 400, details: 'Business Account is in maintenance mode.' },
  132000: { title: 'Number of parameters does not match the expected number of params', http: 400, details: 'The number of parameters does not match the expected number of params.' },
  132001: { title: 'Template name does not exist in the translation', http: 404, details: 'Template does not exist in the specified language or has not been approved.' },
  132012: { title: 'Parameter format does not match format in the created template', http: 400, details: 'Variable parameter values formatted incorrectly.' },
  132015: { title: 'Template is Paused', http: 400, details: 'Template is paused due to low quality so it cannot be sent in a template message.' },
  132016: { title: 'Template is Disabled', http: 400, details: 'Template has been paused too many times due to low quality and is now permanently disabled.' },
};

const UNKNOWN: CatalogEntry = { title: 'Unknown error', http: 400, details: 'Unknown error' };

export function catalogEntry(code: number): CatalogEntry {
  return CATALOG[code] ?? UNKNOWN;
}

export function fbtraceId(): string {
  return randomBytes(17).toString('base64url').slice(0, 23);
}

export interface GraphErrorEnvelope {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product: 'whatsapp'; details: string };
    fbtrace_id: string;
  };
}

/** A synchronous Graph API error: `{error: {message, type, code, error_subcode?, error_data, fbtrace_id}}`. */
export function graphError(code: number, details?: string, opts: { subcode?: number; http?: number } = {}): { status: number; body: GraphErrorEnvelope } {
  const entry = catalogEntry(code);
  const error: GraphErrorEnvelope['error'] = {
    message: code === 190 ? entry.title : `(#${code}) ${entry.title}`,
    type: 'OAuthException',
    code,
    ...(opts.subcode !== undefined && { error_subcode: opts.subcode }),
    // Meta's OAuth errors carry no WhatsApp error_data.
    ...(code !== 190 && { error_data: { messaging_product: 'whatsapp' as const, details: details ?? entry.details } }),
    fbtrace_id: fbtraceId(),
  };
  return { status: opts.http ?? entry.http, body: { error } };
}

/** An error as carried by a `failed` status webhook: `{code, title, message, error_data: {details}, href}`. */
export function webhookError(code: number): { code: number; title: string; message: string; error_data: { details: string }; href: string } {
  const entry = catalogEntry(code);
  return {
    code,
    title: entry.title,
    message: entry.title,
    error_data: { details: entry.details },
    href: 'https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/',
  };
}
