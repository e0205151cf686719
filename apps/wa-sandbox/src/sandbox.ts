import { randomBytes } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { graphError } from './meta-errors';
import { digitsOnly, parseScenario, pickScenario, Scenario } from './scenarios';
import { checkSendComponents, declaredParams, SandboxTemplate, SentParameters } from './templates';
import { TokenBucket } from './token-bucket';
import { DispatcherConfig, TrackedMessage, WebhookDispatcher } from './webhook-dispatcher';

export interface SandboxConfig extends DispatcherConfig {
  access_token: string;
  /** Messages per second per phone number; 0 = unlimited. */
  mps: number;
  latency_ms: number;
}

export interface SandboxNumber {
  phone_number_id: string;
  waba_id: string;
  access_token: string;
  display_phone_number: string;
}

export interface TemplateInput {
  name: string;
  language: string;
  category?: string;
  status?: string;
  components?: Array<Record<string, unknown>>;
  waba_id?: string;
}

export interface SandboxOptions {
  port?: number;
  host?: string;
  accessToken?: string;
  appSecret?: string;
  webhookUrl?: string | null;
  phoneNumberId?: string;
  wabaId?: string;
  displayPhoneNumber?: string;
  mps?: number;
  latencyMs?: number;
  statusDelayMs?: number;
  shuffle?: boolean;
  duplicates?: boolean;
  webhookRetryBaseMs?: number;
  webhookRetryMaxMs?: number;
  webhookMaxAttempts?: number;
  scenarios?: Array<Record<string, unknown>>;
  /** Seed templates; defaults to Meta's stock `hello_world`. */
  templates?: TemplateInput[];
}

export interface AcceptedMessage extends TrackedMessage {
  to: string;
  template: { name: string; language: string };
  parameters: SentParameters;
  /** Epoch ms; formatted only when listed, to keep the send path cheap. */
  accepted_at: number;
}

export interface SandboxStats {
  accepted: number;
  rejected: Record<string, number>;
  recipients: number;
  recipients_messaged_more_than_once: number;
  duplicates: Array<{ to: string; count: number }>;
  per_recipient: Record<string, number>;
  webhooks: WebhookDispatcher['counters'] & { backlog: number };
}

export interface SandboxState {
  config: SandboxConfig;
  numbers: Map<string, SandboxNumber>;
  templates: Map<string, SandboxTemplate>;
  scenarios: Scenario[];
  messages: AcceptedMessage[];
  stats(): SandboxStats;
  /** Status webhooks and retries not yet delivered. */
  webhookBacklog(): number;
}

export interface Sandbox {
  url: string;
  port: number;
  state: SandboxState;
  close(): Promise<void>;
}

const VERSION_RE = /^v\d+\.\d+$/;
const E164_RE = /^\+?[1-9]\d{6,14}$/;
const MAX_BODY = 1024 * 1024;
const TEMPLATE_STATUSES = new Set(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED']);
const CONFIG_KEYS: Array<[keyof SandboxConfig, 'string' | 'nullable-url' | 'int' | 'bool']> = [
  ['webhook_url', 'nullable-url'], ['app_secret', 'string'], ['access_token', 'string'], ['mps', 'int'], ['latency_ms', 'int'],
  ['status_delay_ms', 'int'], ['shuffle', 'bool'], ['duplicates', 'bool'], ['webhook_retry_base_ms', 'int'], ['webhook_retry_max_ms', 'int'], ['webhook_max_attempts', 'int'],
];

class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

/**
 * An in-memory stand-in for Meta's WhatsApp Cloud API that speaks the same HTTP contract (sends,
 * template listing, signed status webhooks) plus a `/__sandbox` control API for tests and demos.
 */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = new SandboxServer(options);
  return sandbox.listen(options.port ?? 0, options.host ?? '127.0.0.1');
}

class SandboxServer implements SandboxState {
  config!: SandboxConfig;
  numbers = new Map<string, SandboxNumber>();
  templates = new Map<string, SandboxTemplate>();
  scenarios: Scenario[] = [];
  messages: AcceptedMessage[] = [];
  private templateIndex = new Map<string, SandboxTemplate>();
  private buckets = new Map<string, TokenBucket>();
  private perRecipient = new Map<string, number>();
  private repeated = 0;
  private rejected = new Map<number, number>();
  private nextTemplateId = 800_000_000_000_001;
  private nextScenarioId = 1;
  private seq = 0;
  private readonly instance = randomBytes(4).toString('hex').toUpperCase();
  private readonly held = new Set<NodeJS.Timeout>();
  private readonly server: Server;
  private webhooks: WebhookDispatcher;

  constructor(private readonly options: SandboxOptions) {
    this.webhooks = new WebhookDispatcher(() => this.config);
    this.reset();
    this.server = createServer((req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
  }

  listen(port: number, host: string): Promise<Sandbox> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const addr = this.server.address() as AddressInfo;
        resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${addr.port}`, port: addr.port, state: this, close: () => this.close() });
      });
    });
  }

  async close(): Promise<void> {
    this.held.forEach(clearTimeout);
    this.held.clear();
    await this.webhooks.close();
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  /** Back to the configuration the sandbox was started with: no messages, seed templates and scenarios. */
  reset(): void {
    const o = this.options;
    this.config = {
      webhook_url: o.webhookUrl ?? null,
      app_secret: o.appSecret ?? 'sandbox-secret',
      access_token: o.accessToken ?? 'sandbox-token',
      mps: o.mps ?? 1000,
      latency_ms: o.latencyMs ?? 0,
      status_delay_ms: o.statusDelayMs ?? 50,
      shuffle: o.shuffle ?? false,
      duplicates: o.duplicates ?? false,
      webhook_retry_base_ms: o.webhookRetryBaseMs ?? 500,
      webhook_retry_max_ms: o.webhookRetryMaxMs ?? 3_600_000,
      webhook_max_attempts: o.webhookMaxAttempts ?? 30,
    };
    this.numbers.clear();
    this.addNumber({ phone_number_id: o.phoneNumberId ?? '100000000000001', waba_id: o.wabaId ?? '200000000000001', display_phone_number: o.displayPhoneNumber ?? '15550000001' });
    this.templates.clear();
    this.templateIndex.clear();
    for (const t of o.templates ?? [{ name: 'hello_world', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello World' }] }]) this.addTemplate(t);
    this.scenarios = (o.scenarios ?? []).map((s) => parseScenario(s, this.scenarioId()));
    this.messages = [];
    this.perRecipient.clear();
    this.repeated = 0;
    this.rejected.clear();
    this.buckets.clear();
  }

  stats(): SandboxStats {
    const duplicates: SandboxStats['duplicates'] = [];
    const per: Record<string, number> = {};
    for (const [to, count] of this.perRecipient) {
      per[to] = count;
      if (count > 1) duplicates.push({ to, count });
    }
    return {
      accepted: this.messages.length,
      rejected: Object.fromEntries([...this.rejected].map(([code, n]) => [String(code), n])),
      recipients: this.perRecipient.size,
      recipients_messaged_more_than_once: this.repeated,
      duplicates,
      per_recipient: per,
      webhooks: { ...this.webhooks.counters, backlog: this.webhooks.backlog },
    };
  }

  webhookBacklog(): number {
    return this.webhooks.backlog;
  }

  // ---------------------------------------------------------------------------------------------- HTTP

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      try {
        if (size > MAX_BODY) throw new HttpError(413, 'request body too large');
        this.route(req, res, chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      } catch (err) {
        if (err instanceof HttpError) sendJson(res, err.status, { error: { message: err.message } });
        else sendJson(res, 500, { error: { message: String(err?.message ?? err) } });
      }
    });
  }

  private route(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    const query = new URLSearchParams(q < 0 ? '' : url.slice(q + 1));
    const parts = path.split('/');
    if (parts[1] === '__sandbox') return this.control(req.method ?? 'GET', parts.slice(2), query, body, res);
    if (parts.length === 4 && VERSION_RE.test(parts[1])) {
      if (parts[3] === 'messages' && req.method === 'POST') return this.sendMessage(req, res, parts[2], body);
      if (parts[3] === 'message_templates' && req.method === 'GET') return this.listTemplates(req, res, parts[1], parts[2], query);
    }
    return this.unknownObject(res, (req.method ?? 'GET').toLowerCase(), parts[2] ?? '');
  }

  private tokenOf(req: IncomingMessage, query?: URLSearchParams): string | undefined {
    const h = req.headers.authorization;
    if (h && h.startsWith('Bearer ')) return h.slice(7).trim();
    return query?.get('access_token') ?? undefined;
  }

  private fail(res: ServerResponse, code: number, details?: string, opts?: { subcode?: number; http?: number }): void {
    this.rejected.set(code, (this.rejected.get(code) ?? 0) + 1);
    const e = graphError(code, details, opts);
    sendJson(res, e.status, e.body);
  }

  private unknownObject(res: ServerResponse, method: string, id: string): void {
    this.rejected.set(100, (this.rejected.get(100) ?? 0) + 1);
    const e = graphError(100, undefined, { subcode: 33 });
    e.body.error.message = `Unsupported ${method} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`;
    sendJson(res, e.status, e.body);
  }

  private knownToken(token: string | undefined): boolean {
    if (!token) return false;
    for (const n of this.numbers.values()) if (n.access_token === token) return true;
    return false;
  }

  private sendMessage(req: IncomingMessage, res: ServerResponse, phoneNumberId: string, raw: Buffer): void {
    const token = this.tokenOf(req);
    if (!this.knownToken(token)) return this.fail(res, 190);
    const number = this.numbers.get(phoneNumberId);
    if (!number || number.access_token !== token) return this.unknownObject(res, 'post', phoneNumberId);

    if (this.config.mps > 0) {
      let bucket = this.buckets.get(phoneNumberId);
      if (!bucket) this.buckets.set(phoneNumberId, (bucket = new TokenBucket(this.config.mps)));
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

    const template = this.templateIndex.get(`${number.waba_id}|${name}|${language}`);
    if (!template || !['APPROVED', 'PAUSED', 'DISABLED'].includes(template.status)) {
      return this.fail(res, 132001, `template name (${name}) does not exist in ${language}`);
    }
    if (template.status === 'PAUSED') return this.fail(res, 132015, `Template ${name} is paused.`);
    if (template.status === 'DISABLED') return this.fail(res, 132016, `Template ${name} is disabled.`);
    const check = checkSendComponents(template.params, tpl.components);
    if (!check.ok) return this.fail(res, check.code, check.details);

    const waId = digitsOnly(to);
    const scenario = pickScenario(this.scenarios, waId);
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
    this.messages.push(msg);
    const count = (this.perRecipient.get(waId) ?? 0) + 1;
    this.perRecipient.set(waId, count);
    if (count === 2) this.repeated++;
    this.webhooks.track(msg);

    const answer = { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: waId }], messages: [{ id: msg.id }] };
    const delay = this.config.latency_ms + (scenario?.response_delay_ms ?? 0);
    if (delay <= 0) return sendJson(res, 200, answer);
    const timer = setTimeout(() => {
      this.held.delete(timer);
      sendJson(res, 200, answer);
    }, delay);
    this.held.add(timer);
  }

  private wamid(waId: string): string {
    const seq = (++this.seq).toString(16).toUpperCase().padStart(12, '0');
    return `wamid.${Buffer.from(`${waId}\u0015\u0002\u0000\u0011\u0018\u0012${this.instance}${seq}`).toString('base64')}`;
  }

  private listTemplates(req: IncomingMessage, res: ServerResponse, version: string, wabaId: string, query: URLSearchParams): void {
    const token = this.tokenOf(req, query);
    if (!this.knownToken(token)) return this.fail(res, 190);
    const owns = [...this.numbers.values()].some((n) => n.waba_id === wabaId && n.access_token === token);
    if (!owns) return this.unknownObject(res, 'get', wabaId);
    const all = [...this.templates.values()].filter((t) => t.waba_id === wabaId);
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

  // ---------------------------------------------------------------------------------- control API

  private control(method: string, parts: string[], query: URLSearchParams, raw: Buffer, res: ServerResponse): void {
    const body = () => {
      if (!raw.length) return {};
      try {
        return JSON.parse(raw.toString('utf8'));
      } catch {
        throw new HttpError(400, 'body is not valid JSON');
      }
    };
    const bad = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        if (err instanceof HttpError) throw err;
        throw new HttpError(400, err.message);
      }
    };
    const [resource, id, sub] = parts;
    const route = `${method} ${resource ?? ''}${id !== undefined ? '/:id' : ''}${sub !== undefined ? `/${sub}` : ''}`;
    switch (route) {
      case 'POST reset':
        this.reset();
        return sendJson(res, 200, { ok: true });
      case 'GET config':
        return sendJson(res, 200, this.config);
      case 'PUT config':
        bad(() => this.updateConfig(body()));
        return sendJson(res, 200, this.config);
      case 'GET scenarios':
        return sendJson(res, 200, { data: this.scenarios });
      case 'POST scenarios': {
        const input = body();
        const added: Scenario[] = [];
        bad(() => {
          for (const s of Array.isArray(input) ? input : [input]) added.push(parseScenario(s, this.scenarioId()));
        });
        this.scenarios.push(...added);
        return sendJson(res, 201, Array.isArray(input) ? { data: added } : added[0]);
      }
      case 'DELETE scenarios':
        this.scenarios = [];
        return sendJson(res, 200, { ok: true });
      case 'DELETE scenarios/:id':
        this.scenarios = this.scenarios.filter((s) => s.id !== id);
        return sendJson(res, 200, { ok: true });
      case 'GET templates':
        return sendJson(res, 200, { data: [...this.templates.values()].map(publicTemplate) });
      case 'POST templates': {
        let t!: SandboxTemplate;
        bad(() => (t = this.addTemplate(body())));
        return sendJson(res, 201, publicTemplate(t));
      }
      case 'POST templates/:id/status': {
        const t = this.templates.get(id);
        if (!t) throw new HttpError(404, `template ${id} not found`);
        const { status, reason } = body();
        if (typeof status !== 'string' || !TEMPLATE_STATUSES.has(status)) throw new HttpError(400, `status must be one of ${[...TEMPLATE_STATUSES].join(', ')}`);
        t.status = status;
        this.webhooks.sendChange(templateStatusChange(t, typeof reason === 'string' ? reason : 'NONE'));
        return sendJson(res, 200, publicTemplate(t));
      }
      case 'GET numbers':
        return sendJson(res, 200, { data: [...this.numbers.values()] });
      case 'POST numbers': {
        let n!: SandboxNumber;
        bad(() => (n = this.addNumber(body())));
        return sendJson(res, 201, n);
      }
      case 'GET messages': {
        const to = query.get('to');
        const digits = to ? digitsOnly(to) : undefined;
        const data = (digits ? this.messages.filter((m) => m.wa_id === digits) : this.messages).map(publicMessage);
        return sendJson(res, 200, { data });
      }
      case 'GET stats':
        return sendJson(res, 200, this.stats());
      default:
        throw new HttpError(404, `no control route ${method} /__sandbox/${parts.join('/')}`);
    }
  }

  private updateConfig(input: Record<string, unknown>): void {
    if (!input || typeof input !== 'object') throw new Error('config must be an object');
    const next = { ...this.config } as Record<string, unknown>;
    for (const [key, kind] of CONFIG_KEYS) {
      if (!(key in input)) continue;
      const v = input[key];
      const valid =
        kind === 'string' ? typeof v === 'string' && v.length > 0
        : kind === 'bool' ? typeof v === 'boolean'
        : kind === 'int' ? Number.isInteger(v) && (v as number) >= 0
        : v === null || (typeof v === 'string' && /^https?:\/\//.test(v));
      if (!valid) throw new Error(`config ${key} is invalid`);
      next[key] = v;
    }
    const unknown = Object.keys(input).filter((k) => !CONFIG_KEYS.some(([key]) => key === k));
    if (unknown.length) throw new Error(`unknown config keys: ${unknown.join(', ')}`);
    const previousToken = this.config.access_token;
    this.config = next as unknown as SandboxConfig;
    // The configured token is the default number's token.
    for (const n of this.numbers.values()) if (n.access_token === previousToken) n.access_token = this.config.access_token;
    this.buckets.clear();
  }

  private addNumber(input: Record<string, any>): SandboxNumber {
    const id = input?.phone_number_id;
    if (typeof id !== 'string' || !/^\d+$/.test(id)) throw new Error('phone_number_id must be a numeric string');
    const n: SandboxNumber = {
      phone_number_id: id,
      waba_id: typeof input.waba_id === 'string' ? input.waba_id : this.defaultNumber()?.waba_id ?? '200000000000001',
      access_token: typeof input.access_token === 'string' && input.access_token ? input.access_token : this.config.access_token,
      display_phone_number: typeof input.display_phone_number === 'string' ? input.display_phone_number : `1555${id.slice(-7)}`,
    };
    this.numbers.set(id, n);
    return n;
  }

  private defaultNumber(): SandboxNumber | undefined {
    return this.numbers.values().next().value;
  }

  private addTemplate(input: TemplateInput): SandboxTemplate {
    if (!input || typeof input.name !== 'string' || !/^[a-z0-9_]{1,512}$/.test(input.name)) throw new Error('name must match ^[a-z0-9_]+$');
    if (typeof input.language !== 'string' || !input.language) throw new Error('language is required');
    const category = (input.category ?? 'UTILITY').toUpperCase();
    if (!['MARKETING', 'UTILITY', 'AUTHENTICATION'].includes(category)) throw new Error('category must be MARKETING, UTILITY or AUTHENTICATION');
    const status = input.status ?? 'APPROVED';
    if (!TEMPLATE_STATUSES.has(status)) throw new Error(`status must be one of ${[...TEMPLATE_STATUSES].join(', ')}`);
    const components = input.components ?? [];
    if (!Array.isArray(components)) throw new Error('components must be an array');
    const wabaId = input.waba_id ?? this.defaultNumber()!.waba_id;
    const key = `${wabaId}|${input.name}|${input.language}`;
    if (this.templateIndex.has(key)) throw new HttpError(409, `template ${input.name} (${input.language}) already exists`);
    const t: SandboxTemplate = {
      id: String(this.nextTemplateId++),
      waba_id: wabaId,
      name: input.name,
      language: input.language,
      category,
      status,
      components,
      params: declaredParams(components),
    };
    this.templates.set(t.id, t);
    this.templateIndex.set(key, t);
    return t;
  }

  private scenarioId(): string {
    return `scn_${this.nextScenarioId++}`;
  }
}

function publicTemplate(t: SandboxTemplate): Omit<SandboxTemplate, 'params'> {
  const { params: _params, ...rest } = t;
  return rest;
}

function publicMessage(m: AcceptedMessage): Record<string, unknown> {
  return {
    id: m.id,
    to: m.to,
    wa_id: m.wa_id,
    phone_number_id: m.phone_number_id,
    template: m.template,
    parameters: m.parameters,
    biz_opaque_callback_data: m.biz_opaque_callback_data ?? null,
    accepted_at: new Date(m.accepted_at).toISOString(),
    status: m.status,
  };
}

/** Meta's `message_template_status_update` change for a WABA. */
function templateStatusChange(t: SandboxTemplate, reason: string): Record<string, unknown> {
  return {
    entry: [{
      id: t.waba_id,
      time: Math.floor(Date.now() / 1000),
      changes: [{
        value: {
          event: t.status,
          message_template_id: Number(t.id),
          message_template_name: t.name,
          message_template_language: t.language,
          reason,
          message_template_category: t.category,
        },
        field: 'message_template_status_update',
      }],
    }],
    object: 'whatsapp_business_account',
  };
}

function encodeCursor(index: number): string {
  return Buffer.from(String(index)).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const n = Number(Buffer.from(cursor, 'base64url').toString('utf8'));
  return Number.isInteger(n) && n >= 0 ? n : -1;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
