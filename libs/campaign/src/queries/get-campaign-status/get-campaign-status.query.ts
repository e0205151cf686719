import { Query } from '@nestjs/cqrs';
import type { CampaignStatus } from '../../domain/campaign-status';

/** Just a campaign's status (null when it is gone): what a pump re-reads several times a second. */
export class GetCampaignStatusQuery extends Query<CampaignStatus | null> {
  constructor(readonly campaignId: string) {
    super();
  }
}
