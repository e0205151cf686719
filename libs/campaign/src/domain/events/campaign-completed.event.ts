import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignCompletedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.completed;
}
