import { Logger } from '@nestjs/common';
import { Outcome } from '../database/recipient-ledger';

/** A write starts once this many outcomes wait… */
const FLUSH_EVERY = 200;
/** …or after this, so a definitive answer is in Postgres (and the stats) at once. */
const FLUSH_AFTER_MS = 100;
/**
 * What piled up while the previous write ran goes in the next, up to this many: at thousands of sends a second a
 * statement (and its commit) per 200 would cost Postgres more than the rows themselves.
 */
const WRITE_AT_MOST = 1_000;
/** While Postgres can't be written, retries back off up to this. */
const RETRY_MAX_MS = 5_000;

/**
 * The send outcomes of one pump on their way to Postgres. Writes are prompt (200 waiting or 100 ms, whichever
 * comes first) and one at a time; a failed write keeps its outcomes and is retried with back-off until
 * Postgres takes them, so an outage never turns a known answer into an unknown one. `full()` tells the
 * sender to stop starting calls while too much is waiting.
 */
export class OutcomeBuffer {
  private readonly pending: Outcome[] = [];
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> | null = null;
  private failures = 0;

  constructor(
    private readonly write: (outcomes: Outcome[]) => Promise<unknown>,
    private readonly limit: number,
    private readonly logger: Logger,
  ) {}

  push(outcome: Outcome): void {
    this.pending.push(outcome);
    if (this.pending.length >= FLUSH_EVERY) this.kick(0);
    else if (!this.timer) this.kick(FLUSH_AFTER_MS);
  }

  get size(): number {
    return this.pending.length;
  }

  full(): boolean {
    return this.pending.length >= this.limit;
  }

  /** Resolves once everything pushed so far is written (retrying through outages). */
  async drain(): Promise<void> {
    while (this.pending.length || this.writing) {
      if (this.timer) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (!this.writing) this.writing = this.writeSome();
      await this.writing;
      if (this.failures) await new Promise((r) => setTimeout(r, this.retryDelay()));
    }
  }

  private kick(delayMs: number): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.writing) return this.kick(FLUSH_AFTER_MS);
      this.writing = this.writeSome();
      void this.writing.then(() => {
        if (this.pending.length && !this.timer) this.kick(this.failures ? this.retryDelay() : 0);
      });
    }, delayMs);
  }

  private retryDelay(): number {
    return Math.min(RETRY_MAX_MS, 100 * 2 ** Math.min(this.failures, 6));
  }

  private async writeSome(): Promise<void> {
    const group = this.pending.splice(0, WRITE_AT_MOST);
    try {
      await this.write(group);
      this.failures = 0;
    } catch (e) {
      this.pending.unshift(...group);
      this.failures += 1;
      if (this.failures === 1 || this.failures % 20 === 0) {
        this.logger.warn(`${this.pending.length} send outcome(s) kept in memory, Postgres write failed: ${(e as Error).message}`);
      }
    } finally {
      this.writing = null;
    }
  }
}
