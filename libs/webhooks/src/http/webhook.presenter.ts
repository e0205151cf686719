import type { WebhookDeliveryEntity } from '../database/webhook-delivery.entity';
import type { WebhookEndpointEntity } from '../database/webhook-endpoint.entity';
import type { CreatedWebhook } from '../commands/create-webhook/create-webhook.command';
import type { CreatedWebhookResponseDto, WebhookDeliveryResponseDto, WebhookResponseDto } from './dto/webhook.response.dto';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Never includes the secret: only the create response carries it. */
export function presentWebhook(e: WebhookEndpointEntity): WebhookResponseDto {
  return {
    id: e.id,
    url: e.url,
    description: e.description,
    events: e.events,
    status: e.disabledAt ? 'disabled' : 'enabled',
    disabled_at: iso(e.disabledAt),
    disabled_reason: e.disabledReason,
    created_at: e.createdAt.toISOString(),
  };
}

/** The one response that shows the signing secret: it is never readable again. */
export function presentCreatedWebhook({ endpoint, secret }: CreatedWebhook): CreatedWebhookResponseDto {
  return { ...presentWebhook(endpoint), secret };
}

export function presentDelivery(d: WebhookDeliveryEntity): WebhookDeliveryResponseDto {
  return {
    id: d.id,
    event_id: d.eventId,
    event_type: d.eventType,
    status: d.status,
    attempts: d.attempts,
    last_response_status: d.lastResponseStatus,
    latency_ms: d.lastLatencyMs,
    last_error: d.lastError,
    next_attempt_at: d.status === 'pending' ? iso(d.nextAttemptAt) : null,
    last_attempt_at: iso(d.lastAttemptAt),
    delivered_at: iso(d.deliveredAt),
    created_at: d.createdAt.toISOString(),
  };
}
