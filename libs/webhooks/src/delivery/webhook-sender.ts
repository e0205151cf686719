import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { Agent, request } from 'undici';
import { publicOnlyLookup } from '@app/platform';
import { assertPublicUrl } from '../domain/address-policy';
import { parseRetryAfter } from '../domain/retry-schedule';
import { WebhooksConfig } from '../webhooks.config';

export interface SendOutcome {
  /** Null when no response arrived (network error, timeout, refused URL). */
  status: number | null;
  latencyMs: number | null;
  retryAfterMs: number | null;
  error: string | null;
}

/** One signed POST of an event body, with Standard Webhooks headers (webhook-id, webhook-timestamp, webhook-signature). */
@Injectable()
export class WebhookSender implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(private readonly config: WebhooksConfig) {
    this.agent = new Agent({
      connect: { timeout: config.deliveryTimeoutMs, ...(config.allowPrivateUrls ? {} : { lookup: publicOnlyLookup }) },
    });
  }

  async send(url: string, secret: string, eventId: string, body: string): Promise<SendOutcome> {
    if (!this.config.allowPrivateUrls) {
      // IP literals never go through the lookup above.
      try {
        await assertPublicUrl(url);
      } catch (err) {
        return { status: null, latencyMs: null, retryAfterMs: null, error: (err as Error).message };
      }
    }
    const timestamp = new Date();
    const started = performance.now();
    try {
      const res = await request(url, {
        method: 'POST',
        dispatcher: this.agent,
        signal: AbortSignal.timeout(this.config.deliveryTimeoutMs),
        headers: {
          'content-type': 'application/json',
          'user-agent': 'wa-campaign-engine-webhooks/1',
          'webhook-id': eventId,
          'webhook-timestamp': String(Math.floor(timestamp.getTime() / 1000)),
          'webhook-signature': new Webhook(secret).sign(eventId, timestamp, body),
        },
        body,
      });
      // The receiver's answer is not used; read a little so the connection can be reused.
      await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
      const ok = res.statusCode >= 200 && res.statusCode < 300;
      return {
        status: res.statusCode,
        latencyMs: Math.round(performance.now() - started),
        retryAfterMs: parseRetryAfter(res.headers['retry-after']),
        error: ok ? null : `HTTP ${res.statusCode}`,
      };
    } catch (err) {
      const e = err as Error & { code?: string; cause?: Error & { code?: string } };
      const timedOut = e.name === 'TimeoutError' || e.name === 'AbortError';
      const reason = timedOut ? `timed out after ${this.config.deliveryTimeoutMs} ms` : [e.code ?? e.cause?.code, e.cause?.message ?? e.message].filter(Boolean).join(': ');
      return { status: null, latencyMs: Math.round(performance.now() - started), retryAfterMs: null, error: reason };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}
