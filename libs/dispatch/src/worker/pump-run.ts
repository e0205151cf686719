import { CampaignDispatchInfo, CampaignStatus, RecipientVariables, RenderContact, RenderedMessage } from '@app/campaign';
import { ChannelCredentials, TemplateSummary } from '@app/catalog';
import { ClaimLease } from './claim-lease';
import { OutcomeBuffer } from './outcome-buffer';

/** How often a running pump re-reads the campaign status, so a pause stops new sends quickly. */
const STATUS_CHECK_MS = 200;

/**
 * The send calls a pump has in flight. They outlive the batch that started them, so a pump claims and
 * renders its next batch while the last one's calls are still out: at Meta's latency a batch's tail would
 * otherwise leave the channel idle for half a second per batch.
 */
export class CallsInFlight {
  private readonly calls = new Set<Promise<void>>();
  // Callers waiting for a free slot, woken one per finished call. (Promise.race over the set would attach a
  // reaction to every pending call for each new one: measured, a tenth of the worker's CPU.)
  private readonly waiting: Array<() => void> = [];

  get size(): number {
    return this.calls.size;
  }

  add(call: Promise<void>): void {
    const p: Promise<void> = call.finally(() => {
      this.calls.delete(p);
      this.waiting.shift()?.();
    });
    this.calls.add(p);
  }

  /** Resolves when one call finishes. */
  freed(): Promise<void> {
    return new Promise<void>((wake) => this.waiting.push(wake));
  }

  /** Resolves when every call started so far has finished. */
  async settled(): Promise<void> {
    await Promise.all(this.calls);
  }
}

/** One pump slice of one campaign: what it sends with, the lease it holds, and whether it must stop. */
export class PumpRun {
  halted = false;
  readonly calls = new CallsInFlight();
  /** The closed zones whose rows this pump last deferred (send windows): re-deferred only when it changes. */
  deferredZones: string | null = null;
  private lastStatusCheck = Date.now();

  constructor(
    readonly info: CampaignDispatchInfo,
    readonly template: TemplateSummary,
    readonly channel: ChannelCredentials,
    readonly render: (contact: RenderContact, overrides?: RecipientVariables | null) => RenderedMessage,
    readonly lease: ClaimLease,
    readonly outcomes: OutcomeBuffer,
    /** The zones of its recipients to keep within the send window (empty without one). */
    readonly zones: string[],
    private readonly readStatus: () => Promise<CampaignStatus | null>,
  ) {}

  /** Whether a send may start now: not halted, and the lease provably still ours. Synchronous, for every call. */
  mayCall(): boolean {
    if (!this.halted && !this.lease.valid()) this.halted = true;
    return !this.halted;
  }

  /** `mayCall`, plus the campaign still RUNNING (re-read at most every STATUS_CHECK_MS). */
  async proceed(): Promise<boolean> {
    if (!this.mayCall()) return false;
    if (Date.now() - this.lastStatusCheck >= STATUS_CHECK_MS) {
      this.lastStatusCheck = Date.now();
      if ((await this.readStatus()) !== CampaignStatus.RUNNING) this.halted = true;
    }
    return !this.halted;
  }

  /** Whether the campaign has completed (read now): a completed campaign takes no row back into its pool. */
  async completed(): Promise<boolean> {
    return (await this.readStatus()) === CampaignStatus.COMPLETED;
  }

  /** Waits `ms` (between batches), waking early when the campaign stops running. */
  async sleep(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until && (await this.proceed())) {
      await new Promise((r) => setTimeout(r, Math.min(STATUS_CHECK_MS * 5, until - Date.now())));
    }
  }
}
