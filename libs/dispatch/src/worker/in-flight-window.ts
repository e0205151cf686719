import { Injectable } from '@nestjs/common';
import { Env } from '@app/platform';

/** A pump always may keep this many calls in flight, however little it has measured or been given. */
export const MIN_WINDOW = 8;
/** Until a channel has answered enough calls to measure, assume Meta's slow end. */
export const ASSUMED_LATENCY_MS = 500;
const SAMPLES = 256;
const MIN_SAMPLES = 20;

/** The calls a campaign needs in flight to fill its channel (Little's law, with a quarter of headroom), within its share. */
export function windowFor(messagesPerSecond: number, p90LatencyMs: number, share: number): number {
  const need = Math.ceil(messagesPerSecond * (p90LatencyMs / 1000) * 1.25);
  return Math.max(MIN_WINDOW, Math.min(need, share));
}

/** Send latencies of one channel as seen by this process: the last SAMPLES calls, for a p90. */
export class LatencySample {
  private readonly values = new Float64Array(SAMPLES);
  private count = 0;

  add(ms: number): void {
    this.values[this.count % SAMPLES] = ms;
    this.count += 1;
  }

  /** The 90th percentile of the recent calls, or null while too few were measured. */
  p90(): number | null {
    const n = Math.min(this.count, SAMPLES);
    if (n < MIN_SAMPLES) return null;
    const sorted = Array.from(this.values.subarray(0, n)).sort((a, b) => a - b);
    return sorted[Math.min(n - 1, Math.floor(n * 0.9))];
  }
}

/**
 * The worker's in-flight budget (`DISPATCH_MAX_IN_FLIGHT`, also the HTTP pool's size per origin), shared
 * evenly by the pumps running in this process, and the latency each channel shows. The token bucket alone
 * decides the rate: a window only lets that rate through at the latency Meta answers with.
 */
@Injectable()
export class InFlightWindows {
  private pumps = 0;
  private readonly latency = new Map<string, LatencySample>();

  constructor(private readonly env: Env) {}

  enter(): () => void {
    this.pumps += 1;
    let left = false;
    return () => {
      if (!left) this.pumps -= 1;
      left = true;
    };
  }

  observe(channelId: string, ms: number): void {
    let sample = this.latency.get(channelId);
    if (!sample) this.latency.set(channelId, (sample = new LatencySample()));
    sample.add(ms);
  }

  windowFor(channelId: string, messagesPerSecond: number): number {
    const share = Math.floor(this.env.DISPATCH_MAX_IN_FLIGHT / Math.max(1, this.pumps));
    return windowFor(messagesPerSecond, this.latency.get(channelId)?.p90() ?? ASSUMED_LATENCY_MS, share);
  }
}
