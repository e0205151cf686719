import { CampaignEvent } from './campaign-event';

export class CampaignResumedEvent extends CampaignEvent {
  readonly type = 'campaign.resumed';
}
