import { CampaignEvent } from './campaign-event';

export class CampaignPausedEvent extends CampaignEvent {
  readonly type = 'campaign.paused';
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly reason: string,
  ) {
    super(campaignId, workspaceId);
  }
}
