import { CONTACT_EVENT_TYPES, CONTACT_IMPORT_EVENT_TYPES } from '@app/audience';
import { CAMPAIGN_EVENT_TYPES } from '@app/campaign';
import { MESSAGE_EVENT_TYPES } from '@app/dispatch';

export const ALL_EVENTS = '*';
/**
 * Campaign, Audience and Dispatch own the event names; an endpoint subscribes to some of them or to all (`*`).
 */
export const SUBSCRIBABLE_EVENTS: readonly string[] = [...CAMPAIGN_EVENT_TYPES, ...CONTACT_EVENT_TYPES, ...CONTACT_IMPORT_EVENT_TYPES, ...MESSAGE_EVENT_TYPES, ALL_EVENTS];
/**
 * What `*` means: every public lifecycle event. Per-message events come only to an endpoint that names them
 * (they are many), and an internal event that reached the outbox never goes out.
 */
export const PUBLIC_EVENTS: ReadonlySet<string> = new Set([...CAMPAIGN_EVENT_TYPES, ...CONTACT_EVENT_TYPES, ...CONTACT_IMPORT_EVENT_TYPES]);

/** Sent only by POST /webhooks/{id}/test, whatever the endpoint subscribed to. */
export const TEST_EVENT_TYPE = 'webhook.test';

/** Whether an endpoint subscribed to `events` receives an event of `type`. */
export function subscribes(events: readonly string[], type: string): boolean {
  return events.includes(type) || (events.includes(ALL_EVENTS) && PUBLIC_EVENTS.has(type));
}

/** `*` subsumes every other name, so a subscription is stored either as `['*']` or as distinct names. */
export function normalizeSubscription(events: string[]): string[] {
  return events.includes(ALL_EVENTS) ? [ALL_EVENTS] : [...new Set(events)];
}

/** The exact bytes sent (and signed) for every attempt of an event. */
export function eventBody(event: { id: string; type: string; createdAt: Date; data: unknown }): string {
  return JSON.stringify({ id: event.id, type: event.type, created_at: event.createdAt.toISOString(), data: event.data });
}
