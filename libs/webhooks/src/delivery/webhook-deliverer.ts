import { Injectable, Logger } from '@nestjs/common';
import { Counter } from 'prom-client';
import { SecretBox } from '@app/platform';
import { ClaimedDelivery, WebhookDeliveriesRepository } from '../database/webhook-deliveries.repository';
import { WebhookEndpointsRepository } from '../database/webhook-endpoints.repository';
import { nextRetryDelay } from '../domain/retry-schedule';
import { WebhooksConfig } from '../webhooks.config';
import { DeliveryQueue } from './delivery-queue';
import { WebhookSender } from './webhook-sender';

const attempts = new Counter({
  name: 'wace_webhook_deliveries_total',
  help: 'Outbound webhook delivery attempts by outcome (delivered, retry, failed, gone, endpoint_disabled)',
  labelNames: ['outcome'],
});

/** Makes one attempt of one delivery and records its outcome: delivered, retry later, or failed. */
@Injectable()
export class WebhookDeliverer {
  private readonly logger = new Logger(WebhookDeliverer.name);

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly endpoints: WebhookEndpointsRepository,
    private readonly sender: WebhookSender,
    private readonly queue: DeliveryQueue,
    private readonly secrets: SecretBox,
    private readonly config: WebhooksConfig,
  ) {}

  async attempt(deliveryId: string): Promise<void> {
    // Not claimable: already settled, not due, attempted elsewhere, or waiting for an earlier event of its
    // campaign (which triggers it when settled). Nothing to do either way.
    const d = await this.deliveries.claim(deliveryId, this.config.leaseMs);
    if (!d) return;
    const endpoint = await this.endpoints.findById(d.endpointId);
    if (!endpoint) return; // deleted meanwhile: its deliveries went with it
    if (endpoint.disabledAt) {
      attempts.inc({ outcome: 'endpoint_disabled' });
      await this.deliveries.markFailed(d.id, { responseStatus: null, latencyMs: null, error: 'endpoint disabled' });
      return this.triggerNext(d);
    }
    const out = await this.sender.send(endpoint.url, this.secrets.decrypt(endpoint.secretSealed), d.eventId, d.body);
    const result = { responseStatus: out.status, latencyMs: out.latencyMs, error: out.error };
    if (out.status !== null && out.status >= 200 && out.status < 300) {
      attempts.inc({ outcome: 'delivered' });
      await this.deliveries.markDelivered(d.id, result);
      return this.triggerNext(d);
    }
    if (out.status === 410) {
      attempts.inc({ outcome: 'gone' });
      this.logger.warn(`webhook endpoint ${endpoint.id} answered 410 Gone: disabled`);
      await this.deliveries.disableEndpoint(endpoint.id, d.id, result, 'receiver answered 410 Gone');
      return;
    }
    const delay = nextRetryDelay(d.attempts, this.config.retryScheduleMs, { retryAfterMs: out.retryAfterMs });
    attempts.inc({ outcome: delay === null ? 'failed' : 'retry' });
    if (delay === null) {
      await this.deliveries.markFailed(d.id, result);
      const n = this.config.disableAfterFailures;
      if (await this.deliveries.lastAttemptedAllFailed(endpoint.id, n)) {
        const reason = `${n} deliveries in a row failed every attempt`;
        this.logger.warn(`webhook endpoint ${endpoint.id}: ${reason}: disabled`);
        return this.deliveries.disableEndpoint(endpoint.id, d.id, result, reason);
      }
      return this.triggerNext(d);
    }
    await this.queue.trigger([await this.deliveries.scheduleRetry(d.id, delay, result)]);
  }

  /** Only after the outcome is committed, so the next event can never overtake this one. */
  private async triggerNext(d: ClaimedDelivery): Promise<void> {
    if (!d.aggregateId) return;
    const next = await this.deliveries.nextInLine(d.endpointId, d.aggregateId);
    if (next) await this.queue.trigger([next]);
  }
}
