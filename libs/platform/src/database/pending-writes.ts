import { Injectable } from '@nestjs/common';

/**
 * Writes that run behind an in-process event (fire-and-forget for whoever published it) but that a later
 * step of the same process must not overtake: a campaign is reported COMPLETED only once its counters took
 * every delta this process published before, so a client never reads a finished campaign with stats
 * still catching up.
 */
@Injectable()
export class PendingWrites {
  private readonly inflight = new Set<Promise<unknown>>();

  track<T>(write: Promise<T>): Promise<T> {
    const tracked = write.finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    return write;
  }

  /** Resolves once every write tracked so far has settled (writes tracked meanwhile are waited for too). */
  async settled(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight]);
  }
}
