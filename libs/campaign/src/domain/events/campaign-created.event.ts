import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignCreatedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.created;
}
