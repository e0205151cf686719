import { Query } from '@nestjs/cqrs';
import type { CampaignProps } from '../../domain/campaign.aggregate';

/** What the dispatcher needs to know about a campaign, read fresh before every batch. */
export type CampaignDispatchInfo = Pick<
  CampaignProps,
  'id' | 'workspaceId' | 'status' | 'templateId' | 'channelId' | 'variableMapping' | 'batchSize' | 'batchDelayMs' | 'maxFailureRate' | 'sendWindow' | 'audience' | 'scheduledAt'
>;

export class GetCampaignDispatchInfoQuery extends Query<CampaignDispatchInfo | null> {
  constructor(readonly campaignId: string) {
    super();
  }
}
