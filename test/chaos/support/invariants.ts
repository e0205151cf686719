import { eventually, World } from '../../support/world';
import type { CampaignApi, Cluster } from './cluster';

/** Recipient statuses nobody will move any more: anything else means the engine lost track of a row. */
const DEFINITIVE = ['sent', 'delivered', 'read', 'failed', 'skipped'];
const SENT_OR_BETTER = ['sent', 'delivered', 'read'];
const STATS_KEYS = ['total', 'sent', 'delivered', 'read', 'failed', 'pending', 'skipped'];

/** Epoch ms of the first message the sandbox accepted at or after `ms`, or null (messages are in acceptance order). */
export function firstSendAfter(w: World, ms: number): number | null {
  const messages = w.sandbox.state.messages;
  let found: number | null = null;
  for (let i = messages.length - 1; i >= 0 && messages[i].accepted_at >= ms; i--) found = messages[i].accepted_at;
  return found;
}

/** Waits for the sandbox to accept a message at or after `ms`; answers its epoch ms. */
export function waitForSendAfter(w: World, ms: number, { timeoutMs, what }: { timeoutMs: number; what: string }): Promise<number> {
  return eventually(async () => firstSendAfter(w, ms), { timeoutMs, intervalMs: 100, what });
}

/**
 * Recovery times measured during a test, each against its bound. A test waits well past a bound before
 * giving up, so a slow recovery is reported next to the exactly-once findings instead of hiding them.
 */
export class RecoveryBounds {
  private readonly results: Record<string, string> = {};
  private readonly expected: Record<string, string> = {};

  record(what: string, ms: number, maxMs: number): void {
    note(`${what}: ${ms} ms (bound ${maxMs} ms)`);
    this.expected[what] = `within ${maxMs} ms`;
    this.results[what] = ms <= maxMs ? `within ${maxMs} ms` : `${ms} ms, over ${maxMs} ms`;
  }

  /** Waits up to `giveUpMs` for a send at or after `since` and records how long after `since` it came. */
  async sendsResume(w: World, what: string, since: number, maxMs: number, giveUpMs = maxMs * 4): Promise<void> {
    const at = await waitForSendAfter(w, since, { timeoutMs: giveUpMs, what }).catch(() => Infinity);
    this.record(what, at - since, maxMs);
  }

  /**
   * Waits up to `giveUpMs` for the campaign to be COMPLETED and records it (against `maxMs` when the
   * duration has a bound); answers how long it took from `since`, or null when it did not finish.
   */
  async completes(api: CampaignApi, id: string, since: number, giveUpMs: number, maxMs?: number): Promise<number | null> {
    const done = await api.until(id, (x) => x.status === 'COMPLETED', 'completion', giveUpMs - (Date.now() - since)).then(
      () => Date.now() - since,
      () => null,
    );
    note(`campaign ${done === null ? 'not completed' : `completed after ${done} ms`}`);
    if (maxMs !== undefined) this.record('campaign completed', done ?? Infinity, maxMs);
    else {
      this.expected['campaign completed'] = 'yes';
      this.results['campaign completed'] = done === null ? `not within ${giveUpMs} ms` : 'yes';
    }
    return done;
  }

  get report() {
    return { actual: this.results, expected: this.expected };
  }
}

/** Waits until the sandbox accepted at least `n` messages. */
export function waitForAccepted(w: World, n: number, timeoutMs: number): Promise<unknown> {
  return eventually(async () => w.sandbox.state.messages.length >= n, { timeoutMs, intervalMs: 100, what: `${n} accepted sends` });
}

/** The sandbox is done with status webhooks (delivered, or given up on: which the checks below then expose). */
export function webhooksSettled(w: World, timeoutMs = 120_000): Promise<unknown> {
  return eventually(async () => w.sandbox.state.webhookBacklog() === 0, { timeoutMs, intervalMs: 200, what: 'sandbox status webhooks to drain' });
}

/** The campaign's stats computed from its recipient rows, in the API's shape (a cumulative funnel). */
function statsOf(rows: Array<{ status: string; n: number }>): Record<string, number> {
  const sum = (statuses: string[]) => rows.filter((r) => statuses.includes(r.status)).reduce((a, r) => a + r.n, 0);
  return {
    total: sum(['pending', 'queued', 'sending', ...DEFINITIVE]),
    sent: sum(SENT_OR_BETTER),
    delivered: sum(['delivered', 'read']),
    read: sum(['read']),
    failed: sum(['failed']),
    pending: sum(['pending', 'queued', 'sending']),
    skipped: sum(['skipped']),
  };
}

/**
 * What must hold after every fault once the campaign finished:
 * - no recipient messaged twice (the sandbox's own count);
 * - every recipient in a definitive status; failures only DISPATCH_UNCERTAIN, and at most `uncertainAtMost`
 *   of them (only a killed process can leave a call unanswered);
 * - the ledger agrees with what WhatsApp saw: one sent-or-better row per accepted message, and each
 *   recipient as far along (delivered, read) as the sandbox's status webhooks took it, none given up on;
 * - the live stats and refresh-metrics both equal the ledger.
 * Everything is compared in one object so a failure shows every broken invariant at once.
 */
export async function expectExactlyOnce(
  c: Cluster,
  w: World,
  campaignId: string,
  { total, uncertainAtMost = 0, bounds = new RecoveryBounds() }: { total: number; uncertainAtMost?: number; bounds?: RecoveryBounds },
): Promise<void> {
  await webhooksSettled(w);
  const sandbox = w.sandbox.state.stats();
  const rows = await c.ledger(campaignId);
  const exact = statsOf(rows);
  const uncertain = rows.filter((r) => r.status === 'failed' && r.error_code === 'DISPATCH_UNCERTAIN').reduce((a, r) => a + r.n, 0);
  const messages = w.sandbox.state.messages;
  const api = c.campaigns(w);
  // The counters move in the same statement as the rows, so they must equal the ledger at once.
  const live = (await api.get(campaignId)).stats;
  const refreshed = await api.action(campaignId, 'refresh-metrics');
  const pick = (s: Record<string, number>) => Object.fromEntries(STATS_KEYS.map((k) => [k, s?.[k]]));

  const report = {
    recipients_messaged_more_than_once: sandbox.recipients_messaged_more_than_once,
    some_duplicates: sandbox.duplicates.slice(0, 5),
    rows_not_definitive: rows.filter((r) => !DEFINITIVE.includes(r.status)),
    failures_other_than_uncertain: rows.filter((r) => (r.status === 'failed' || r.status === 'skipped') && !(r.status === 'failed' && r.error_code === 'DISPATCH_UNCERTAIN')),
    uncertain_within_bound: uncertain <= uncertainAtMost ? true : `${uncertain} DISPATCH_UNCERTAIN > ${uncertainAtMost}`,
    total: exact.total,
    // Counted from each accepted message's furthest status as reported by the sandbox's webhooks.
    ledger_funnel: { sent: exact.sent, delivered: exact.delivered, read: exact.read },
    webhooks_abandoned: sandbox.webhooks.abandoned,
    live_stats: pick(live),
    refresh_metrics: { status: refreshed.status, stats: pick(refreshed.body.stats) },
    recovery: bounds.report.actual,
  };
  expect(report).toEqual({
    recipients_messaged_more_than_once: 0,
    some_duplicates: [],
    rows_not_definitive: [],
    failures_other_than_uncertain: [],
    uncertain_within_bound: true,
    total,
    ledger_funnel: {
      sent: messages.length,
      delivered: messages.filter((m) => m.status === 'delivered' || m.status === 'read').length,
      read: messages.filter((m) => m.status === 'read').length,
    },
    webhooks_abandoned: 0,
    live_stats: exact,
    refresh_metrics: { status: 200, stats: exact },
    recovery: bounds.report.expected,
  });
}

/** With CHAOS_VERBOSE=1, one line per measured recovery, to see the margins of a passing run. */
export function note(line: string): void {
  if (process.env.CHAOS_VERBOSE === '1') process.stderr.write(`[chaos] ${line}\n`);
}
