import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import { DeleteCampaignCommand } from './delete-campaign.command';

@CommandHandler(DeleteCampaignCommand)
export class DeleteCampaignHandler implements ICommandHandler<DeleteCampaignCommand> {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute({ workspaceId, campaignId }: DeleteCampaignCommand) {
    const campaign = await this.campaigns.findById(workspaceId, campaignId);
    campaign.delete();
    await this.campaigns.delete(campaign);
  }
}
