import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignPausedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.paused;
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly reason: string,
  ) {
    super(campaignId, workspaceId);
  }
}
