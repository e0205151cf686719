import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignScheduledEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.scheduled;
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly scheduledAt: Date,
  ) {
    super(campaignId, workspaceId);
  }
}
