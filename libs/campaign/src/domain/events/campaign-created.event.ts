import { CampaignEvent } from './campaign-event';

export class CampaignCreatedEvent extends CampaignEvent {
  readonly type = 'campaign.created';
}
