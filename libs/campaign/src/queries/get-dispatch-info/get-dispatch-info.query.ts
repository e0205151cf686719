import { Query } from '@nestjs/cqrs';
import type { CampaignStatus } from '../../domain/campaign-status';

/** What the dispatcher needs to know about a campaign, read fresh before every batch. */
export interface CampaignDispatchInfo {
  id: string;
  workspaceId: string;
  status: CampaignStatus;
  templateId: string;
  channelId: string | null;
  variableMapping: Record<string, unknown> | null;
  batchSize: number;
  batchDelayMs: number;
  audience: { groups: string[]; sources: string[] };
  scheduledAt: Date | null;
}

export class GetCampaignDispatchInfoQuery extends Query<CampaignDispatchInfo | null> {
  constructor(readonly campaignId: string) {
    super();
  }
}
