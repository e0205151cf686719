import type { IEvent } from '@nestjs/cqrs';

/** The public webhook names of the lifecycle events, in the order the API lists them for subscriptions. */
export const CAMPAIGN_EVENTS = {
  created: 'campaign.created',
  scheduled: 'campaign.scheduled',
  started: 'campaign.started',
  materialised: 'campaign.materialised',
  paused: 'campaign.paused',
  resumed: 'campaign.resumed',
  stopped: 'campaign.stopped',
  completed: 'campaign.completed',
  failed: 'campaign.failed',
  retried: 'campaign.retried',
} as const;

/** The only events an outbound webhook endpoint can subscribe to. */
export const CAMPAIGN_EVENT_TYPES = Object.values(CAMPAIGN_EVENTS);

/** Base of the campaign's domain events; `type` is the public webhook event name. */
export abstract class CampaignEvent implements IEvent {
  abstract readonly type: string;
  /**
   * Saved with the campaign, an event is written to the outbox and delivered to the webhook endpoints that
   * subscribed to it (or to `*`). An event meant for this process's handlers only says so here.
   */
  readonly internal: boolean = false;
  readonly occurredAt = new Date();
  constructor(
    readonly campaignId: string,
    readonly workspaceId: string,
  ) {}
}
