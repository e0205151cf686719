import { Counter, Gauge, Histogram } from 'prom-client';

/** The engine's send-side metrics (prom-client's default registry, served at /metrics). Defined once per process. */
const messages = new Counter({
  name: 'wace_messages_sent_total',
  help: 'Send attempts by channel and outcome (accepted, failed, retry, paused, uncertain) with the Meta error code',
  labelNames: ['channel_id', 'outcome', 'error_code'],
});
const latency = new Histogram({
  name: 'wace_send_latency_seconds',
  help: 'Graph API send call duration, answered or refused',
  labelNames: ['channel_id'],
  buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
});
export const inFlightWindow = new Gauge({ name: 'wace_in_flight_window', help: 'Calls a channel may keep in flight on this worker', labelNames: ['channel_id'] });
export const rateLimiterWait = new Counter({
  name: 'wace_rate_limiter_wait_seconds_total',
  help: "Time pumps waited on a channel's token bucket",
  labelNames: ['channel_id'],
});
export const recipientsClaimed = new Counter({ name: 'wace_recipients_claimed_total', help: 'Recipient rows claimed by pumps' });
const statusWebhooks = new Counter({ name: 'wace_status_webhooks_total', help: 'Statuses received in signed WhatsApp webhooks', labelNames: ['status'] });
const statusLag = new Histogram({
  name: 'wace_status_webhook_lag_seconds',
  help: "Time from Meta's status timestamp to its arrival",
  buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 1800],
});

export function recordSend(channelId: string, outcome: string, errorCode: number | string | undefined, ms: number): void {
  messages.inc({ channel_id: channelId, outcome, error_code: errorCode === undefined ? '' : String(errorCode) });
  latency.observe({ channel_id: channelId }, ms / 1000);
}

export function recordStatuses(statuses: ReadonlyArray<{ status: string; at: Date }>): void {
  const now = Date.now();
  for (const s of statuses) {
    statusWebhooks.inc({ status: s.status });
    // Meta's timestamps have whole seconds: a status can look up to a second early.
    statusLag.observe(Math.max(0, now - s.at.getTime()) / 1000);
  }
}
