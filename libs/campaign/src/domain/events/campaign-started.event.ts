import { CAMPAIGN_EVENTS, CampaignEvent } from './campaign-event';

/** The campaign entered RUNNING for the first time: its audience must be materialised and dispatched. */
export class CampaignStartedEvent extends CampaignEvent {
  readonly type = CAMPAIGN_EVENTS.started;
}
