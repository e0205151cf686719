import Denque from 'denque';
import { Agent, request } from 'undici';
import { signWebhookBody } from '@app/whatsapp';
import { webhookError } from './meta-errors';

export type StatusName = 'sent' | 'delivered' | 'read' | 'failed';

const RANK: Record<string, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };
/** Meta never puts more statuses than this in one POST. */
export const MAX_STATUSES_PER_POST = 100;
const DUPLICATE_RATIO = 0.3;

/** The part of an accepted message the status webhooks need. */
export interface TrackedMessage {
  id: string;
  wa_id: string;
  phone_number_id: string;
  display_phone_number: string;
  waba_id: string;
  /** Lower-case template category, as Meta reports it in `conversation.origin.type` and `pricing.category`. */
  category: string;
  biz_opaque_callback_data?: string;
  conversation_id: string;
  /** Furthest status emitted so far. */
  status: string;
  never_read?: boolean;
  delivery_delay_ms?: number;
  async_error_code?: number;
  drop_webhooks?: boolean;
}

export interface DispatcherConfig {
  webhook_url: string | null;
  app_secret: string;
  status_delay_ms: number;
  shuffle: boolean;
  duplicates: boolean;
  webhook_retry_base_ms: number;
  /** The longest wait between two attempts at one POST. */
  webhook_retry_max_ms: number;
  webhook_max_attempts: number;
  /** Statuses in one POST: Meta mostly sends one (so ~3 POSTs per message); up to 100 when batching. */
  statuses_per_post: number;
  /** POSTs in flight at once, as Meta keeps many open to one callback. */
  webhook_posts_in_flight: number;
}

/**
 * Wait before the next attempt at a POST that failed `attempts` times: doubling from the base, capped,
 * ±20 % jitter. Meta retries a failing callback for days; the defaults (0.5 s doubling to 1 h, 30
 * attempts) keep at it for about a day, so an outage of the receiver loses nothing.
 */
export function webhookRetryDelayMs(attempts: number, cfg: Pick<DispatcherConfig, 'webhook_retry_base_ms' | 'webhook_retry_max_ms'>, random = Math.random): number {
  return Math.round(Math.min(cfg.webhook_retry_max_ms, cfg.webhook_retry_base_ms * 2 ** Math.max(0, attempts - 1)) * (0.8 + 0.4 * random()));
}

interface PendingStatus {
  msg: TrackedMessage;
  status: StatusName;
  dueAt: number;
  /** Each status moves to the next only once its POST is done, which keeps sent → delivered → read in order. */
  chained: boolean;
  duplicate?: boolean;
  timestamp?: string;
}

interface Job {
  body: string;
  attempts: number;
  onDone?: () => void;
}

/**
 * Emits Meta-shaped webhooks to the configured callback: statuses (flushed every `status_delay_ms`, one per
 * POST like Meta unless `statuses_per_post` asks for batches), template status updates, signed with the app
 * secret and retried with exponential backoff on a non-2xx answer or a connection error.
 */
export class WebhookDispatcher {
  readonly counters = { posts: 0, failed_attempts: 0, abandoned: 0, statuses_delivered: 0 };
  private pending: PendingStatus[] = [];
  private flushTimer?: NodeJS.Timeout;
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  /** A deque: a backlog of a campaign's statuses runs to 100,000s of POSTs, and `Array#shift` copies them all each time. */
  private readonly jobs = new Denque<Job>();
  private inFlight = 0;
  private closed = false;
  private readonly agent = new Agent({ keepAliveTimeout: 10_000, headersTimeout: 15_000, bodyTimeout: 15_000 });

  constructor(private readonly config: () => DispatcherConfig) {}

  /** Starts the status lifecycle of a freshly accepted message. */
  track(msg: TrackedMessage): void {
    const cfg = this.config();
    if (!cfg.webhook_url || msg.drop_webhooks) return;
    const now = Date.now();
    if (msg.async_error_code) return this.push(msg, 'failed', now, false);
    if (!cfg.shuffle) return this.push(msg, 'sent', now, true);
    // Out-of-order mode: every status is queued at once and the flush shuffles them.
    const deliveredAt = now + (msg.delivery_delay_ms ?? 0);
    this.push(msg, 'sent', now, false);
    this.push(msg, 'delivered', deliveredAt, false);
    if (!msg.never_read) this.push(msg, 'read', deliveredAt, false);
  }

  /** Sends one `message_template_status_update` (or any other WABA-level change). */
  sendChange(payload: unknown): void {
    if (!this.config().webhook_url) return;
    this.enqueue({ body: JSON.stringify(payload), attempts: 0 });
  }

  get backlog(): number {
    return this.pending.length + this.jobs.length + this.inFlight + this.retryTimers.size;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.flushTimer);
    this.retryTimers.forEach(clearTimeout);
    this.retryTimers.clear();
    this.pending = [];
    this.jobs.clear();
    await this.agent.destroy();
  }

  private push(msg: TrackedMessage, status: StatusName, dueAt: number, chained: boolean): void {
    this.pending.push({ msg, status, dueAt, chained });
    this.scheduleFlush();
  }

  private next(p: PendingStatus): void {
    if (!p.chained || p.duplicate) return;
    const now = Date.now();
    if (p.status === 'sent') this.push(p.msg, 'delivered', now + (p.msg.delivery_delay_ms ?? 0), true);
    else if (p.status === 'delivered' && !p.msg.never_read) this.push(p.msg, 'read', now, true);
  }

  private scheduleFlush(): void {
    if (this.flushTimer || this.closed || !this.pending.length) return;
    this.flushTimer = setTimeout(() => this.flush(), this.config().status_delay_ms);
  }

  private flush(): void {
    this.flushTimer = undefined;
    const cfg = this.config();
    const now = Date.now();
    const due: PendingStatus[] = [];
    const later: PendingStatus[] = [];
    for (const p of this.pending) (p.dueAt <= now ? due : later).push(p);
    this.pending = later;
    if (cfg.webhook_url && due.length) {
      if (cfg.shuffle) shuffleOutOfOrder(due);
      const stamp = String(Math.floor(now / 1000));
      for (const p of due) p.timestamp ??= stamp;
      if (cfg.duplicates) this.duplicateSome(due, now);
      const byNumber = new Map<string, PendingStatus[]>();
      for (const p of due) {
        const group = byNumber.get(p.msg.phone_number_id);
        if (group) group.push(p);
        else byNumber.set(p.msg.phone_number_id, [p]);
      }
      for (const group of byNumber.values()) {
        for (let i = 0; i < group.length; i += cfg.statuses_per_post) this.postStatuses(group.slice(i, i + cfg.statuses_per_post));
      }
    }
    this.scheduleFlush();
  }

  /** Re-sends some statuses in a later batch, as Meta's at-least-once delivery does; at least one per flush. */
  private duplicateSome(due: PendingStatus[], now: number): void {
    let copies = 0;
    due.forEach((p, i) => {
      if (p.duplicate || (Math.random() >= DUPLICATE_RATIO && !(i === due.length - 1 && copies === 0))) return;
      copies++;
      this.pending.push({ ...p, duplicate: true, dueAt: now });
    });
  }

  private postStatuses(batch: PendingStatus[]): void {
    const m = batch[0].msg;
    const payload = {
      object: 'whatsapp_business_account',
      entry: [{
        id: m.waba_id,
        changes: [{
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: m.display_phone_number, phone_number_id: m.phone_number_id },
            statuses: batch.map(statusObject),
          },
          field: 'messages',
        }],
      }],
    };
    for (const p of batch) if (RANK[p.status] > RANK[p.msg.status]) p.msg.status = p.status;
    this.enqueue({
      body: JSON.stringify(payload),
      attempts: 0,
      onDone: () => {
        this.counters.statuses_delivered += batch.length;
        batch.forEach((p) => this.next(p));
      },
    });
  }

  private enqueue(job: Job): void {
    if (this.closed) return;
    this.jobs.push(job);
    this.pump();
  }

  private pump(): void {
    while (!this.closed && this.inFlight < this.config().webhook_posts_in_flight && this.jobs.length) {
      const job = this.jobs.shift()!;
      this.inFlight++;
      void this.post(job).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async post(job: Job): Promise<void> {
    const cfg = this.config();
    if (!cfg.webhook_url) return;
    let ok = false;
    try {
      const res = await request(cfg.webhook_url, {
        method: 'POST',
        body: job.body,
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWebhookBody(job.body, cfg.app_secret) },
        dispatcher: this.agent,
      });
      await res.body.dump();
      ok = res.statusCode >= 200 && res.statusCode < 300;
    } catch {
      ok = false;
    }
    if (this.closed) return;
    if (ok) {
      this.counters.posts++;
      job.onDone?.();
      return;
    }
    this.counters.failed_attempts++;
    job.attempts++;
    if (job.attempts >= cfg.webhook_max_attempts) {
      // Meta gives up eventually too; the lifecycle goes on so later statuses still arrive.
      this.counters.abandoned++;
      job.onDone?.();
      return;
    }
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.enqueue(job);
    }, webhookRetryDelayMs(job.attempts, cfg));
    this.retryTimers.add(timer);
  }
}

function statusObject(p: PendingStatus): Record<string, unknown> {
  const m = p.msg;
  const out: Record<string, unknown> = { id: m.id, status: p.status, timestamp: p.timestamp, recipient_id: m.wa_id };
  if (m.biz_opaque_callback_data !== undefined) out.biz_opaque_callback_data = m.biz_opaque_callback_data;
  if (p.status === 'failed') {
    out.errors = [webhookError(m.async_error_code ?? 131026)];
    return out;
  }
  out.conversation = {
    id: m.conversation_id,
    ...(p.status === 'sent' && { expiration_timestamp: String(Number(p.timestamp) + 86_400) }),
    origin: { type: m.category },
  };
  out.pricing = { billable: true, pricing_model: 'CBP', category: m.category };
  return out;
}

/** Shuffles a batch and makes sure at least one message's statuses end up out of order when that is possible. */
export function shuffleOutOfOrder<T extends { msg: { id: string }; status: string }>(items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  const seen = new Map<string, number>();
  let disordered = false;
  for (const p of items) {
    const prev = seen.get(p.msg.id);
    if (prev !== undefined && prev > RANK[p.status]) disordered = true;
    seen.set(p.msg.id, Math.max(prev ?? -1, RANK[p.status]));
  }
  if (!disordered) {
    items.sort((a, b) => RANK[b.status] - RANK[a.status]);
  }
}
