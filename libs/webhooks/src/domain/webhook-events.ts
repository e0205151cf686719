import { CONTACT_IMPORT_EVENT_TYPES } from '@app/audience';
import { CAMPAIGN_EVENT_TYPES } from '@app/campaign';

export const ALL_EVENTS = '*';
/** Campaign and audience own the event names; an endpoint subscribes to some of them or to all (`*`). */
export const SUBSCRIBABLE_EVENTS: readonly string[] = [...CAMPAIGN_EVENT_TYPES, ...CONTACT_IMPORT_EVENT_TYPES, ALL_EVENTS];

/** Sent only by POST /webhooks/{id}/test, whatever the endpoint subscribed to. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** `*` subsumes every other name, so a subscription is stored either as `['*']` or as distinct names. */
export function normalizeSubscription(events: string[]): string[] {
  return events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)];
}

/** The exact bytes sent (and signed) for every attempt of an event. */
export function eventBody(event: { id: string; type: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.data });
}
