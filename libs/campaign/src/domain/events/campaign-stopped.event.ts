import { CampaignEvent } from './campaign-event';

export class CampaignStoppedEvent extends CampaignEvent {
  readonly type = 'campaign.stopped';
}
