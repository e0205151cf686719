import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignRetriedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.retried;
}
