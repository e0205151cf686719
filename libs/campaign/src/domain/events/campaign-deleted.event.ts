import { CampaignEvent } from './campaign-event';

/** Not a webhook event: other modules drop what they keep for the campaign. */
export class CampaignDeletedEvent extends CampaignEvent {
  readonly type = 'campaign.deleted';
  override readonly internal = true;
}
