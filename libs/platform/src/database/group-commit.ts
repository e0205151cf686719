/**
 * Group commit: one write in flight per instance; items handed in while it runs are written together by
 * the next one, up to `maxItems` a write. Each caller's promise settles with the write that carried its
 * items, so a caller that awaits it knows they are stored; a grouped write that fails is retried caller by
 * caller, so only the callers whose own items fail get an error.
 *
 * Hot paths that commit small batches at a high rate (status webhooks, stats counters) pay planning,
 * round trips and a WAL flush per statement; under load this turns hundreds of them a second into a few
 * dozen larger ones, while a lone call is still written at once.
 */
export class GroupCommit<T> {
  private queue: Array<{ items: T[]; done: (error?: unknown) => void }> = [];
  private running?: Promise<void>;

  constructor(
    private readonly write: (items: T[]) => Promise<void>,
    private readonly maxItems = Number.POSITIVE_INFINITY,
  ) {}

  submit(items: T[]): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ items, done: (error) => (error === undefined ? resolve() : reject(error)) });
      this.running ??= this.drain().finally(() => (this.running = undefined));
    });
  }

  /** Resolves once nothing is waiting or being written (shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    while (this.queue.length) {
      const batch = [this.queue.shift()!];
      let size = batch[0].items.length;
      while (this.queue.length && size + this.queue[0].items.length <= this.maxItems) {
        size += this.queue[0].items.length;
        batch.push(this.queue.shift()!);
      }
      const error = await this.attempt(batch.flatMap((b) => b.items));
      // One caller's bad items must not fail the callers they were grouped with: retry each on its own.
      if (error === undefined || batch.length === 1) for (const b of batch) b.done(error);
      else for (const b of batch) b.done(await this.attempt(b.items));
    }
  }

  /** The write's error, or undefined once the items are stored. */
  private async attempt(items: T[]): Promise<unknown> {
    try {
      await this.write(items);
      return undefined;
    } catch (e) {
      return e ?? new Error('group write failed');
    }
  }
}
