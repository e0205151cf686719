import { Injectable } from '@nestjs/common';
import { Campaign } from '../domain/campaign.aggregate';
import { CampaignRepository } from '../database/campaign.repository';
import { CampaignPresenter } from '../queries/campaign.presenter';
import type { CampaignResponseDto } from '../http/dto/campaign.response.dto';

/**
 * The shape every state-changing use case shares: load (scoped to the workspace, or unscoped for the
 * engine's own actors), let the aggregate decide, save with its version check and events, answer the
 * campaign object.
 */
@Injectable()
export class CampaignTransition {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly presenter: CampaignPresenter,
  ) {}

  async run(workspaceId: string | null, campaignId: string, change: (c: Campaign) => void | Promise<void>): Promise<CampaignResponseDto> {
    const campaign = workspaceId
      ? await this.campaigns.findById(workspaceId, campaignId)
      : await this.campaigns.findByIdUnscoped(campaignId);
    await change(campaign);
    await this.campaigns.save(campaign, this.presenter.outboxPayload);
    return this.presenter.presentOne(campaign.snapshot());
  }
}
