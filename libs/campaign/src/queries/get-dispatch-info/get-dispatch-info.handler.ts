import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignNotFoundError } from '../../domain/campaign.errors';
import { CampaignRepository } from '../../database/campaign.repository';
import { GetCampaignDispatchInfoQuery } from './get-dispatch-info.query';

@QueryHandler(GetCampaignDispatchInfoQuery)
export class GetCampaignDispatchInfoHandler implements IQueryHandler<GetCampaignDispatchInfoQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute({ campaignId }: GetCampaignDispatchInfoQuery) {
    try {
      const c = (await this.campaigns.findByIdUnscoped(campaignId)).snapshot();
      const { id, workspaceId, status, templateId, channelId, variableMapping, batchSize, batchDelayMs, maxFailureRate, sendWindow, audience, scheduledAt } = c;
      return { id, workspaceId, status, templateId, channelId, variableMapping, batchSize, batchDelayMs, maxFailureRate, sendWindow, audience, scheduledAt };
    } catch (e) {
      if (e instanceof CampaignNotFoundError) return null;
      throw e;
    }
  }
}
