import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ChannelUsageQuery } from '@app/catalog';
import { CampaignRepository } from '../../database/campaign.repository';
import { CampaignStatus, TERMINAL_STATUSES } from '../../domain/campaign-status';

const LIVE_STATUSES = Object.values(CampaignStatus).filter((s) => !TERMINAL_STATUSES.includes(s));

/** A channel is in use while a campaign on it can still be sent: every status short of a terminal one. */
@QueryHandler(ChannelUsageQuery)
export class ChannelUsageHandler implements IQueryHandler<ChannelUsageQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  execute({ workspaceId, channelId }: ChannelUsageQuery): Promise<string[]> {
    return this.campaigns.findIdsUsing(workspaceId, { channelId }, LIVE_STATUSES);
  }
}
