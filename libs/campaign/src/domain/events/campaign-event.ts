import type { IEvent } from '@nestjs/cqrs';

/** Base of the campaign's domain events; `type` is the public webhook event name. */
export abstract class CampaignEvent implements IEvent {
  abstract readonly type: string;
  readonly occurredAt = new Date();
  constructor(
    readonly campaignId: string,
    readonly workspaceId: string,
  ) {}
}
