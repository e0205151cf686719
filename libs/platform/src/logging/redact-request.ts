/** Query parameters that carry credentials when a client (or Meta's handshake) puts them in the URL. */
const SECRET_QUERY_KEYS = /^(api[_-]?key|access[_-]?token|token|key|secret|password|hub\.verify_token)$/i;
/** Headers that carry credentials; every other header is kept for debugging. */
const SECRET_HEADERS = ['authorization', 'x-auth-token', 'x-api-key', 'cookie', 'proxy-authorization'];
const REDACTED = '[redacted]';

export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const rawKey = eq < 0 ? pair : pair.slice(0, eq);
      let key = rawKey;
      try {
        key = decodeURIComponent(rawKey.replace(/\+/g, ' '));
      } catch {
        // an undecodable key is logged as sent; it can't be one of ours
      }
      return SECRET_QUERY_KEYS.test(key) ? `${rawKey}=${REDACTED}` : pair;
    });
  return `${url.slice(0, q)}?${params.join('&')}`;
}

interface SerializedRequest {
  url?: string;
  query?: Record<string, unknown>;
  headers?: Record<string, unknown>;
  [key: string]: unknown;
}

/**
 * The request as logged: credentials are masked wherever a client may put them (the Authorization
 * header, other auth headers, `?api_key=` style query parameters and Meta's `hub.verify_token`).
 */
export function redactRequest(req: SerializedRequest): SerializedRequest {
  const out: SerializedRequest = { ...req };
  if (typeof req.url === 'string') out.url = redactUrl(req.url);
  if (req.query) out.query = Object.fromEntries(Object.entries(req.query).map(([k, v]) => [k, SECRET_QUERY_KEYS.test(k) ? REDACTED : v]));
  if (req.headers) out.headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, SECRET_HEADERS.includes(k.toLowerCase()) ? REDACTED : v]));
  return out;
}
