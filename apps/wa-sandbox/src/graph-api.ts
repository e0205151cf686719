import { randomBytes } from 'node:crypto';
import { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from './http-io';
import { graphError } from './meta-errors';
import { digitsOnly, pickScenario } from './scenarios';
import { AcceptedMessage, SandboxStore } from './sandbox-store';
import { checkSendComponents } from './templates';
import { TokenBucket } from './token-bucket';

const VERSION_RE = /^v\d+\.\d+$/;
const E164_RE = /^\+?[1-9]\d{6,14}$/;

/** The slice of Meta's Graph API the engine calls: template sends and template listing, with Meta's error bodies. */
export class GraphApi {
  private seq = 0;
  private readonly instance = randomBytes(4).toString('hex').toUpperCase();
  private readonly held = new Set<NodeJS.Timeout>();

  constructor(private readonly store: SandboxStore) {}

  /** Answers every path outside `/__sandbox`; anything it does not serve is Meta's "unsupported request". */
  handle(req: IncomingMessage, res: ServerResponse, parts: string[], query: URLSearchParams, body: Buffer): void {
    if (parts.length === 4 && VERSION_RE.test(parts[1])) {
      if (parts[3] === 'messages' && req.method === 'POST') return this.sendMessage(req, res, parts[2], body);
      if (parts[3] === 'message_templates' && req.method === 'GET') return this.listTemplates(req, res, parts[1], parts[2], query);
    }
    return this.unknownObject(res, (req.method ?? 'GET').toLowerCase(), parts[2] ?? '');
  }

  /** Drops responses still held back by the configured latency. */
  close(): void {
    this.held.forEach(clearTimeout);
    this.held.clear();
  }

  private tokenOf(req: IncomingMessage, query?: URLSearchParams): string | undefined {
    const h = req.headers.authorization;
    if (h && h.startsWith('Bearer ')) return h.slice(7).trim();
    return query?.get('access_token') ?? undefined;
  }

  private fail(res: ServerResponse, code: number, details?: string, opts?: { subcode?: number; http?: number }): void {
    this.store.countRejection(code);
    const e = graphError(code, details, opts);
    sendJson(res, e.status, e.body);
  }

  private unknownObject(res: ServerResponse, method: string, id: string): void {
    this.store.countRejection(100);
    const e = graphError(100, undefined, { subcode: 33 });
    e.body.error.message = `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`;
    sendJson(res, e.status, e.body);
  }

  private knownToken(token: string | undefined): boolean {
    if (!token) return false;
    for (const n of this.store.numbers.values()) if (n.access_token === token) return true;
    return false;
  }

  private sendMessage(req: IncomingMessage, res: ServerResponse, phoneNumberId: string, raw: Buffer): void {
    const token = this.tokenOf(req);
    if (!this.knownToken(token)) return this.fail(res, 190);
    const number = this.store.numbers.get(phoneNumberId);
    if (!number || number.access_token !== token) return this.unknownObject(res, 'post', phoneNumberId);

    if (this.store.config.mps > 0) {
      let bucket = this.store.buckets.get(phoneNumberId);
      if (!bucket) this.store.buckets.set(phoneNumberId, (bucket = new TokenBucket(this.store.config.mps)));
      if (!bucket.take()) return this.fail(res, 130429);
    }

    let payload: Record<string, any>;
    try {
      payload = JSON.parse(raw.toString('utf8'));
    } catch {
      return this.fail(res, 100, 'The request body is not valid JSON');
    }
    if (!payload || typeof payload !== 'object') return this.fail(res, 100, 'The request body must be a JSON object');
    if (payload.messaging_product !== 'whatsapp') return this.fail(res, 100, 'The parameter messaging_product is required and must be "whatsapp".');
    if (payload.recipient_type !== undefined && payload.recipient_type !== 'individual') return this.fail(res, 100, 'recipient_type must be "individual"');
    if (payload.type !== 'template') return this.fail(res, 131051, `Message type ${String(payload.type)} is not supported by the sandbox (template only).`);
    const to = payload.to;
    if (typeof to !== 'string' || !E164_RE.test(to)) return this.fail(res, 100, 'Invalid parameter: to must be a phone number in E.164 format.');
    const tpl = payload.template;
    const name = tpl?.name;
    const language = tpl?.language?.code;
    if (typeof name !== 'string' || !name || typeof language !== 'string' || !language) {
      return this.fail(res, 131008, 'template.name and template.language.code are required.');
    }
    const bizOpaque = payload.biz_opaque_callback_data;
    if (bizOpaque !== undefined && (typeof bizOpaque !== 'string' || bizOpaque.length > 512)) {
      return this.fail(res, 100, 'biz_opaque_callback_data must be a string of at most 512 characters.');
    }

    const template = this.store.templateIndex.get(`${number.waba_id}|${name}|${language}`);
    if (!template || !['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) {
      return this.fail(res, 132001, `template name (${name}) does not exist in ${language}`);
    }
    if (template.status === 'PAUSED') return this.fail(res, 132015, `Template ${name} is paused.`);
    if (template.status === 'DISABLED') return this.fail(res, 132016, `Template ${name} is disabled.`);
    const check = checkSendComponents(template.params, tpl.components);
    if (!check.ok) return this.fail(res, check.code, check.details);

    const waId = digitsOnly(to);
    const scenario = pickScenario(this.store.scenarios, waId);
    if (scenario?.error_code) return this.fail(res, scenario.error_code, undefined, { http: scenario.error_http_status });

    const msg: AcceptedMessage = {
      id: this.wamid(waId),
      to,
      wa_id: waId,
      phone_number_id: number.phone_number_id,
      display_phone_number: number.display_phone_number,
      waba_id: number.waba_id,
      category: template.category.toLowerCase(),
      template: { name, language },
      parameters: check.parameters,
      ...(bizOpaque !== undefined && { biz_opaque_callback_data: bizOpaque }),
      accepted_at: Date.now(),
      conversation_id: `${this.instance}${this.seq.toString(16).padStart(24, '0')}`.toLowerCase(),
      status: 'accepted',
      never_read: scenario?.never_read,
      delivery_delay_ms: scenario?.delivery_delay_ms,
      async_error_code: scenario?.async_error_code,
      drop_webhooks: scenario?.drop_webhooks,
    };
    this.store.accept(msg);

    const answer = { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: msg.id }] };
    const delay = this.store.config.latency_ms + (scenario?.response_delay_ms ?? 0);
    if (delay <= 0) return sendJson(res, 200, answer);
    const timer = setTimeout(() => {
      this.held.delete(timer);
      sendJson(res, 200, answer);
    }, delay);
    this.held.add(timer);
    this.store.noteInFlight(this.held.size);
  }

  private wamid(waId: string): string {
    const seq = (++this.seq).toString(16).toUpperCase().padStart(12, '0');
    return `wamid.${Buffer.from(`${waId}\u0015\u0002\u0000\u0011\u0018\u0012${this.instance}${seq}`).toString('base64')}`;
  }

  private listTemplates(req: IncomingMessage, res: ServerResponse, version: string, wabaId: string, query: URLSearchParams): void {
    const token = this.tokenOf(req, query);
    if (!this.knownToken(token)) return this.fail(res, 190);
    const owns = [...this.store.numbers.values()].some((n) => n.waba_id === wabaId && n.access_token === token);
    if (!owns) return this.unknownObject(res, 'get', wabaId);
    const all = [...this.store.templates.values()].filter((t) => t.waba_id === wabaId);
    const limit = Math.min(Math.max(Number(query.get('limit')) || 25, 1), 1000);
    const after = query.get('after');
    const before = query.get('before');
    let start = 0;
    if (after) start = decodeCursor(after) + 1;
    else if (before) start = Math.max(0, decodeCursor(before) - limit);
    const page = all.slice(start, start + limit);
    const base = `http://${req.headers.host}/${version}/${wabaId}/message_templates`;
    const link = (cursorKey: string, cursor: string) => {
      const params = new URLSearchParams(query);
      params.delete('after');
      params.delete('before');
      params.set('limit', String(limit));
      params.set(cursorKey, cursor);
      return `${base}?${params}`;
    };
    const body: Record<string, unknown> = {
      data: page.map((t) => ({ name: t.name, components: t.components, language: t.language, status: t.status, category: t.category, id: t.id })),
    };
    if (page.length) {
      const cursors = { before: encodeCursor(start), after: encodeCursor(start + page.length - 1) };
      body.paging = {
        cursors,
        ...(start + page.length < all.length && { next: link('after', cursors.after) }),
        ...(start > 0 && { previous: link('before', cursors.before) }),
      };
    }
    sendJson(res, 200, body);
  }
}

function encodeCursor(index: number): string {
  return Buffer.from(String(index)).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}
