import { CampaignEvent } from './campaign-event';

export class CampaignFailedEvent extends CampaignEvent {
  readonly type = 'campaign.failed';
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly reason: string,
  ) {
    super(campaignId, workspaceId);
  }
}
