import { CampaignEvent } from './campaign-event';

export class CampaignScheduledEvent extends CampaignEvent {
  readonly type = 'campaign.scheduled';
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly scheduledAt: Date,
  ) {
    super(campaignId, workspaceId);
  }
}
