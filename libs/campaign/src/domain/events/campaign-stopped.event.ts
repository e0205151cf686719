import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

export class CampaignStoppedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.stopped;
}
