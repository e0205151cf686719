import { Inject, Injectable, OnModuleDestroy, Optional } from '@nestjs/common';
import { Pool } from 'undici';
import { classifyAddress, Env, publicOnlyLookup } from '@app/platform';
import { WhatsAppApiError } from './whatsapp.errors';
import { GraphTarget, MetaTemplate, SendResult, TemplateMessage } from './whatsapp.types';

export interface WhatsAppClientOptions {
  /** TCP/TLS connect budget; exceeding it means nothing was sent (`retry_channel`). */
  connectTimeoutMs?: number;
  /** Budget for the response once the request is written; exceeding it makes the outcome `uncertain`. */
  responseTimeoutMs?: number;
  /** Keep-alive sockets per Graph API origin: bounds the in-flight sends of a process per origin. */
  connectionsPerOrigin?: number;
  /** `limit` asked of `message_templates`; every page is fetched whatever its size. */
  templatePageSize?: number;
  /**
   * Whether tenant-given base URLs may reach loopback/private addresses. The operator's own
   * `WHATSAPP_API_BASE_URL` is always trusted. Defaults to the `CHANNELS_ALLOW_PRIVATE_URLS` setting,
   * or to allowed when the client is built without configuration (tools and tests).
   */
  allowPrivateAddresses?: boolean;
}

export const WHATSAPP_CLIENT_OPTIONS = Symbol('WHATSAPP_CLIENT_OPTIONS');

const DEFAULTS: Omit<Required<WhatsAppClientOptions>, 'allowPrivateAddresses'> = {
  connectTimeoutMs: 5_000,
  responseTimeoutMs: 20_000,
  connectionsPerOrigin: 256,
  templatePageSize: 100,
};
const DEFAULT_API_VERSION = 'v21.0';
const MAX_TEMPLATE_PAGES = 1_000;

/**
 * Transport errors raised before the request could reach Meta. Anything else (reset, timeout after
 * writing) may have been accepted, so it is `uncertain` rather than retryable.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_CLOSED', 'UND_ERR_DESTROYED', 'UND_ERR_INVALID_ARG',
]);

interface GraphErrorBody {
  error?: { message?: string; type?: string; code?: number; error_subcode?: number; fbtrace_id?: string; error_data?: { details?: string } | string };
}

/**
 * Thin Graph API client for the WhatsApp Cloud API. It never retries: whether and when to retry is the
 * dispatcher's call, driven by `WhatsAppApiError.errorClass`.
 */
@Injectable()
export class WhatsAppClient implements OnModuleDestroy {
  private readonly pools = new Map<string, Pool>();
  private readonly options: Required<WhatsAppClientOptions>;
  private readonly defaultVersion: string;
  private readonly trustedOrigin: string | null;

  constructor(@Optional() env?: Env, @Optional() @Inject(WHATSAPP_CLIENT_OPTIONS) options?: WhatsAppClientOptions) {
    // As many sockets as the worker may have sends in flight: a smaller pool would be a queue in disguise.
    const connectionsPerOrigin = env?.DISPATCH_MAX_IN_FLIGHT ?? DEFAULTS.connectionsPerOrigin;
    this.options = { ...DEFAULTS, connectionsPerOrigin, allowPrivateAddresses: env?.CHANNELS_ALLOW_PRIVATE_URLS ?? true, ...options };
    this.defaultVersion = env?.WHATSAPP_API_VERSION ?? DEFAULT_API_VERSION;
    this.trustedOrigin = env ? new URL(env.WHATSAPP_API_BASE_URL).origin : null;
  }

  async sendTemplate(target: GraphTarget & { phoneNumberId: string }, msg: TemplateMessage): Promise<SendResult> {
    const payload = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: msg.to,
      type: 'template',
      template: { name: msg.templateName, language: { code: msg.language }, components: msg.components },
      ...(msg.bizOpaqueCallbackData !== undefined && { biz_opaque_callback_data: msg.bizOpaqueCallbackData }),
    };
    const body = await this.call<{ contacts?: Array<{ wa_id?: string }>; messages?: Array<{ id?: string }> }>(
      target, 'POST', `/${encodeURIComponent(target.phoneNumberId)}/messages`, JSON.stringify(payload),
    );
    const wamid = body.messages?.[0]?.id;
    if (typeof wamid !== 'string' || !wamid) {
      // Meta answered 2xx, so the message may well be on its way: never treat it as not sent.
      throw new WhatsAppApiError('Graph API accepted the request but returned no message id', { errorClass: 'uncertain', httpStatus: 200 });
    }
    return { wamid, waId: body.contacts?.[0]?.wa_id ?? null };
  }

  async listTemplates(target: GraphTarget & { wabaId: string }): Promise<MetaTemplate[]> {
    const fields = 'id,name,language,status,category,components';
    let path: string | undefined = `/${encodeURIComponent(target.wabaId)}/message_templates?limit=${this.options.templatePageSize}&fields=${fields}`;
    const out: MetaTemplate[] = [];
    for (let page = 0; path && page < MAX_TEMPLATE_PAGES; page++) {
      const body: { data?: Array<Record<string, unknown>>; paging?: { next?: string; cursors?: { after?: string } } } =
        await this.call(target, 'GET', path);
      const data = body.data ?? [];
      for (const t of data) {
        out.push({
          id: String(t.id),
          name: String(t.name),
          language: String(t.language),
          status: String(t.status),
          category: String(t.category),
          components: Array.isArray(t.components) ? (t.components as Array<Record<string, unknown>>) : [],
        });
      }
      path = data.length ? this.nextPath(path, new URL(target.apiBaseUrl).origin, body.paging) : undefined;
    }
    return out;
  }

  async onModuleDestroy(): Promise<void> {
    await this.close();
  }

  async close(): Promise<void> {
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close().catch(() => p.destroy())));
  }

  /**
   * Paging per Graph API: follow `paging.next` when it stays on the channel's own origin, else rebuild the
   * URL from `cursors.after`. A `next` elsewhere would carry the channel's bearer token to another host.
   */
  private nextPath(current: string, origin: string, paging?: { next?: string; cursors?: { after?: string } }): string | undefined {
    if (paging?.next && sameOrigin(paging.next, origin)) return paging.next;
    if (!paging?.cursors?.after) return undefined;
    const url = new URL(current, 'http://relative.invalid');
    url.searchParams.set('after', paging.cursors.after);
    return current.startsWith('http') ? url.toString() : url.pathname + url.search;
  }

  private version(target: GraphTarget): string {
    return target.apiVersion ?? this.defaultVersion;
  }

  private pool(origin: string): Pool {
    let pool = this.pools.get(origin);
    if (!pool) {
      const { connectTimeoutMs, responseTimeoutMs, connectionsPerOrigin } = this.options;
      pool = new Pool(origin, {
        ...(this.publicOnly(origin) && { connect: { lookup: publicOnlyLookup } }),
        connections: connectionsPerOrigin,
        pipelining: 1,
        keepAliveTimeout: 30_000,
        connectTimeout: connectTimeoutMs,
        headersTimeout: responseTimeoutMs,
        bodyTimeout: responseTimeoutMs,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  /** Tenant-given origins must reach public addresses only, unless the operator allows private ones. */
  private publicOnly(origin: string): boolean {
    return !this.options.allowPrivateAddresses && origin !== this.trustedOrigin;
  }

  /** `path` is relative to the versioned base URL, or an absolute URL (a `paging.next` link). */
  private async call<T>(target: GraphTarget, method: 'GET' | 'POST', path: string, body?: string): Promise<T> {
    let origin: string;
    let fullPath: string;
    if (/^https?:\/\//.test(path)) {
      const url = new URL(path);
      origin = url.origin;
      fullPath = url.pathname + url.search;
    } else {
      const base = new URL(target.apiBaseUrl);
      origin = base.origin;
      fullPath = `${base.pathname.replace(/\/+$/, '')}/${this.version(target)}${path}`;
    }
    const host = new URL(origin).hostname.replace(/^\[(.*)\]$/, '$1');
    // IP literals never go through the pool's lookup: check them here.
    if (this.publicOnly(origin) && classifyAddress(host) !== 'public' && classifyAddress(host) !== 'invalid') throw addressNotAllowed(host);
    let res;
    try {
      res = await this.pool(origin).request({
        method,
        path: fullPath,
        headers: {
          authorization: `Bearer ${target.accessToken}`,
          accept: 'application/json',
          ...(body !== undefined && { 'content-type': 'application/json' }),
        },
        body,
      });
    } catch (err) {
      throw transportError(err, method);
    }
    let text: string;
    try {
      text = await res.body.text();
    } catch (err) {
      if (res.statusCode >= 200 && res.statusCode < 300) throw transportError(err, method);
      text = '';
    }
    if (res.statusCode >= 200 && res.statusCode < 300) {
      try {
        return JSON.parse(text) as T;
      } catch {
        throw new WhatsAppApiError('Graph API answered 2xx with a body that is not JSON', {
          httpStatus: res.statusCode,
          errorClass: method === 'POST' ? 'uncertain' : 'retry_channel',
        });
      }
    }
    throw graphError(res.statusCode, text, retryAfter(res.headers['retry-after']));
  }
}

function graphError(httpStatus: number, text: string, retryAfterMs: number | undefined): WhatsAppApiError {
  let parsed: GraphErrorBody | undefined;
  try {
    parsed = JSON.parse(text) as GraphErrorBody;
  } catch {
    parsed = undefined;
  }
  const e = parsed?.error;
  const details = typeof e?.error_data === 'string' ? e.error_data : e?.error_data?.details;
  return new WhatsAppApiError(e?.message ?? `Graph API answered HTTP ${httpStatus}`, {
    code: typeof e?.code === 'number' ? e.code : undefined,
    subcode: typeof e?.error_subcode === 'number' ? e.error_subcode : undefined,
    httpStatus,
    fbtraceId: e?.fbtrace_id,
    details,
    retryAfterMs,
  });
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** A channel pointed at an internal address: nothing was sent, and retrying can't help. */
function addressNotAllowed(host: string, cause?: unknown): WhatsAppApiError {
  return new WhatsAppApiError(`The channel's API base URL must reach a public address (${host} does not)`, {
    errorClass: 'fatal',
    details: 'ADDRESS_NOT_ALLOWED',
    cause,
  });
}

function errorCode(err: any): string | undefined {
  return err?.code ?? err?.cause?.code ?? err?.errors?.[0]?.code;
}

function transportError(err: any, method: string): WhatsAppApiError {
  const code = errorCode(err);
  if (code === 'ADDRESS_NOT_ALLOWED') return addressNotAllowed(err?.message ?? 'host', err);
  const notSent = (code !== undefined && NOT_SENT_CODES.has(code)) || /^(ERR_TLS|CERT_|DEPTH_ZERO|UNABLE_TO_VERIFY)/.test(code ?? '');
  // A GET has no side effect at Meta, so an interrupted one is simply retryable.
  const errorClass = notSent || method === 'GET' ? 'retry_channel' : 'uncertain';
  return new WhatsAppApiError(`Graph API transport error${code ? ` (${code})` : ''}: ${err?.message ?? String(err)}`, {
    errorClass,
    details: code,
    cause: err,
  });
}

function retryAfter(header: string | string[] | undefined): number | undefined {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return undefined;
  const secs = Number(v);
  if (Number.isFinite(secs)) return Math.max(0, secs * 1000);
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}
