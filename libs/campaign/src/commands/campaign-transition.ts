import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Campaign, CampaignProps } from '../domain/campaign.aggregate';
import { CampaignRepository } from '../database/campaign.repository';
import { CampaignPresenter } from '../presentation/campaign.presenter';

/**
 * The shape every state-changing use case shares: load (scoped to the workspace, or unscoped for the
 * engine's own actors), let the aggregate decide, save with its version check and events (their
 * webhook payload is the campaign object), answer the campaign as it now stands. `inTx` adds writes that
 * must commit with the change (or undo it by throwing).
 */
@Injectable()
export class CampaignTransition {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly presenter: CampaignPresenter,
  ) {}

  async run(
    workspaceId: string | null,
    campaignId: string,
    change: (c: Campaign) => void | Promise<void>,
    inTx?: (m: EntityManager) => Promise<void>,
  ): Promise<Readonly<CampaignProps>> {
    const campaign = workspaceId
      ? await this.campaigns.findById(workspaceId, campaignId)
      : await this.campaigns.findByIdUnscoped(campaignId);
    await change(campaign);
    await this.campaigns.save(campaign, this.presenter.outboxPayload, inTx);
    return campaign.snapshot();
  }
}
