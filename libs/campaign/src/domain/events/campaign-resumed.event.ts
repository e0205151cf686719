import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignResumedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.resumed;
}
