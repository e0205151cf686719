import { CampaignEvent } from './campaign-event';

export class CampaignCompletedEvent extends CampaignEvent {
  readonly type = 'campaign.completed';
}
