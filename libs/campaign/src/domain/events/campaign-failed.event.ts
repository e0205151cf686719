import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignFailedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.failed;
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly reason: string,
  ) {
    super(campaignId, workspaceId);
  }
}
