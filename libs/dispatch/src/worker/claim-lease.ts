import { Logger } from '@nestjs/common';
import { hostname } from 'node:os';
import { performance } from 'node:perf_hooks';
import { RecipientLedger } from '../database/recipient-ledger';

/** Names this process in the leases it holds (for an operator reading `dispatch_leases`). */
export const WORKER_ID = `${hostname()}:${process.pid}`;

/**
 * A pump's fenced claim on recipient rows: a lease in Postgres, renewed by a timer while this process
 * is alive (also while the pump waits on the rate limiter or a slow call). Postgres refuses to renew an
 * expired lease, and the pump asks `valid()` before every HTTP call: a process that was frozen sees,
 * on waking, that its last confirmed renewal is too old and stops before sending anything more, even
 * before a renewal attempt could tell it so.
 */
export class ClaimLease {
  private confirmedAt: number;
  private lost = false;
  private readonly timer: NodeJS.Timeout;
  private renewing: Promise<void> | null = null;

  private constructor(
    readonly token: string,
    private readonly ledger: RecipientLedger,
    private readonly ms: number,
    askedAt: number,
    heartbeat: () => Promise<unknown>,
    private readonly logger: Logger,
  ) {
    this.confirmedAt = askedAt;
    this.timer = setInterval(() => {
      if (this.renewing || this.lost) return;
      this.renewing = this.renew()
        .then(async () => {
          await heartbeat();
        })
        .catch((e: Error) => this.logger.warn(`lease ${token} not renewed: ${e.message}`))
        .finally(() => (this.renewing = null));
    }, Math.max(250, Math.floor(ms / 4)));
    this.timer.unref();
  }

  /** `heartbeat` runs after each renewal (keeps the campaign's pump lock alive on the same beat). */
  static async open(ledger: RecipientLedger, campaignId: string, ms: number, heartbeat: () => Promise<unknown>, logger: Logger): Promise<ClaimLease> {
    const askedAt = performance.now();
    const token = await ledger.openLease(campaignId, WORKER_ID, ms);
    return new ClaimLease(token, ledger, ms, askedAt, heartbeat, logger);
  }

  private async renew(): Promise<void> {
    // The clock is read before asking: the lease runs from when Postgres extended it, never earlier.
    const askedAt = performance.now();
    if (await this.ledger.renewLease(this.token, this.ms)) this.confirmedAt = askedAt;
    else this.lost = true;
  }

  /**
   * Whether the lease is surely still ours: renewed by Postgres no longer ago than half its length
   * (the other half is margin for the call about to start and for clock drift between us and Postgres).
   */
  valid(): boolean {
    return !this.lost && performance.now() - this.confirmedAt < this.ms / 2;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.renewing;
    await this.ledger.endLease(this.token);
  }
}
