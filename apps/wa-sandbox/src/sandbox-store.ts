import { parseScenario, Scenario } from './scenarios';
import { declaredParams, SandboxTemplate, SentParameters } from './templates';
import { HttpError } from './http-io';
import { TokenBucket } from './token-bucket';
import { DispatcherConfig, MAX_STATUSES_PER_POST, TrackedMessage, WebhookDispatcher } from './webhook-dispatcher';

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
  /** 1 (Meta's usual shape) by default; up to 100 to batch statuses. */
  statusesPerPost?: number;
  webhookPostsInFlight?: number;
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

/** `stats()` without its per-recipient parts, which grow with every recipient ever messaged. */
export type SandboxSummary = Omit<SandboxStats, 'duplicates' | 'per_recipient'>;

export interface SandboxStats {
  accepted: number;
  rejected: Record<string, number>;
  recipients: number;
  recipients_messaged_more_than_once: number;
  duplicates: Array<{ to: string; count: number }>;
  per_recipient: Record<string, number>;
  /** The most send calls held open at once (answered after the configured latency): the caller's concurrency. */
  peak_in_flight: number;
  webhooks: WebhookDispatcher['counters'] & { backlog: number };
}

export interface SandboxState {
  config: SandboxConfig;
  numbers: Map<string, SandboxNumber>;
  templates: Map<string, SandboxTemplate>;
  scenarios: Scenario[];
  messages: AcceptedMessage[];
  stats(): SandboxStats;
  summary(): SandboxSummary;
  /** Status webhooks and retries not yet delivered. */
  webhookBacklog(): number;
}

export const TEMPLATE_STATUSES = new Set(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED', 'IN_APPEAL', 'PENDING_DELETION', 'DELETED', 'LIMIT_EXCEEDED']);
const CONFIG_KEYS: Array<[keyof SandboxConfig, 'string' | 'nullable-url' | 'int' | 'bool']> = [
  ['webhook_url', 'nullable-url'], ['app_secret', 'string'], ['access_token', 'string'], ['mps', 'int'], ['latency_ms', 'int'],
  ['status_delay_ms', 'int'], ['shuffle', 'bool'], ['duplicates', 'bool'], ['webhook_retry_base_ms', 'int'], ['webhook_retry_max_ms', 'int'], ['webhook_max_attempts', 'int'],
  ['statuses_per_post', 'int'], ['webhook_posts_in_flight', 'int'],
];
/** Config values that must stay within a range (besides being integers ≥ 0). */
const CONFIG_RANGES: Partial<Record<keyof SandboxConfig, [number, number]>> = {
  statuses_per_post: [1, MAX_STATUSES_PER_POST],
  webhook_posts_in_flight: [1, 1024],
};

/** Everything the sandbox remembers, shared by the Graph API surface and the control API. */
export class SandboxStore implements SandboxState {
  config!: SandboxConfig;
  numbers = new Map<string, SandboxNumber>();
  templates = new Map<string, SandboxTemplate>();
  scenarios: Scenario[] = [];
  messages: AcceptedMessage[] = [];
  readonly templateIndex = new Map<string, SandboxTemplate>();
  readonly buckets = new Map<string, TokenBucket>();
  private perRecipient = new Map<string, number>();
  private repeated = 0;
  private rejected = new Map<number, number>();
  private peakInFlight = 0;
  private nextTemplateId = 800_000_000_000_001;
  private nextScenarioId = 1;
  readonly webhooks: WebhookDispatcher;

  constructor(private readonly options: SandboxOptions) {
    this.webhooks = new WebhookDispatcher(() => this.config);
    this.reset();
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
      statuses_per_post: o.statusesPerPost ?? 1,
      webhook_posts_in_flight: o.webhookPostsInFlight ?? 64,
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
    this.peakInFlight = 0;
    this.buckets.clear();
  }

  stats(): SandboxStats {
    const duplicates: SandboxStats['duplicates'] = [];
    const per: Record<string, number> = {};
    for (const [to, count] of this.perRecipient) {
      per[to] = count;
      if (count > 1) duplicates.push({ to, count });
    }
    return { ...this.summary(), duplicates, per_recipient: per };
  }

  /** For callers that poll while hundreds of thousands of recipients are messaged (a bench's drain wait). */
  summary(): SandboxSummary {
    return {
      accepted: this.messages.length,
      rejected: Object.fromEntries([...this.rejected].map(([code, n]) => [String(code), n])),
      recipients: this.perRecipient.size,
      recipients_messaged_more_than_once: this.repeated,
      peak_in_flight: this.peakInFlight,
      webhooks: { ...this.webhooks.counters, backlog: this.webhooks.backlog },
    };
  }

  webhookBacklog(): number {
    return this.webhooks.backlog;
  }

  noteInFlight(calls: number): void {
    if (calls > this.peakInFlight) this.peakInFlight = calls;
  }

  countRejection(code: number): void {
    this.rejected.set(code, (this.rejected.get(code) ?? 0) + 1);
  }

  accept(msg: AcceptedMessage): void {
    this.messages.push(msg);
    const count = (this.perRecipient.get(msg.wa_id) ?? 0) + 1;
    this.perRecipient.set(msg.wa_id, count);
    if (count === 2) this.repeated++;
    this.webhooks.track(msg);
  }

  updateConfig(input: Record<string, unknown>): void {
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
      const range = CONFIG_RANGES[key];
      if (!valid || (range && ((v as number) < range[0] || (v as number) > range[1]))) throw new Error(`config ${key} is invalid`);
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

  addNumber(input: Record<string, any>): SandboxNumber {
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

  addTemplate(input: TemplateInput): SandboxTemplate {
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

  scenarioId(): string {
    return `scn_${this.nextScenarioId++}`;
  }
}
