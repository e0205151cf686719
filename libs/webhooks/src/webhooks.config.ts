import { Injectable } from '@nestjs/common';
import { Env } from '@app/platform';
import { parseRetrySchedule } from './domain/retry-schedule';

/** The module's tunables, read once from `Env` (tests shorten the schedule and the polling intervals). */
@Injectable()
export class WebhooksConfig {
  readonly retryScheduleMs: number[];
  readonly relayIntervalMs: number;
  readonly sweepIntervalMs: number;
  readonly allowPrivateUrls: boolean;
  readonly disableAfterFailures: number;
  /** Standard Webhooks: a receiver must answer within seconds; a slow one counts as a failed attempt. */
  readonly deliveryTimeoutMs = 10_000;
  /** An attempt's claim on its delivery; outlives the timeout so a crashed worker's claim expires for the sweep. */
  readonly leaseMs = 60_000;
  readonly relayBatchSize = 200;

  constructor(env: Env) {
    this.retryScheduleMs = parseRetrySchedule(env.WEBHOOK_RETRY_SCHEDULE_MS);
    this.relayIntervalMs = env.WEBHOOK_RELAY_INTERVAL_MS;
    this.sweepIntervalMs = env.WEBHOOK_SWEEP_INTERVAL_MS;
    this.allowPrivateUrls = env.WEBHOOKS_ALLOW_PRIVATE_URLS;
    this.disableAfterFailures = env.WEBHOOK_DISABLE_AFTER_FAILURES;
  }
}
