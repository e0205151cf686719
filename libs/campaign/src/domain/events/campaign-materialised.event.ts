import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

/**
 * The audience is in the ledger (at the start, and again after an audience changed while paused): the
 * webhook payload's `total_recipients` is the real total, which `campaign.started` can't know yet.
 */
export class CampaignMaterialisedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.materialised;
  constructor(
    campaignId: string,
    workspaceId: string,
    readonly totalRecipients: number,
  ) {
    super(campaignId, workspaceId);
  }
}
