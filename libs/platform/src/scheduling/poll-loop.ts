import { Logger } from '@nestjs/common';

/**
 * Runs `tick` now and then every `intervalMs` after the previous run ends (never overlapping); a tick
 * that answers `true` runs again at once. A process's own timer, not a queue job: it keeps running when
 * Redis loses its data or another process holding a job froze, which is exactly when sweeps matter.
 */
export class PollLoop {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly tick: () => Promise<boolean | void>,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.schedule(0);
  }

  private schedule(delay: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.tick()
        .then((again) => this.schedule(again === true ? 0 : this.intervalMs))
        .catch((err: Error) => {
          this.logger.error(`${this.name} failed: ${err.message}`);
          this.schedule(this.intervalMs);
        });
    }, delay);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
