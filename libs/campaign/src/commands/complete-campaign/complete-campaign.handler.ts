import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignTransition } from '../campaign-transition';
import { CompleteCampaignCommand } from './complete-campaign.command';

@CommandHandler(CompleteCampaignCommand)
export class CompleteCampaignHandler implements ICommandHandler<CompleteCampaignCommand> {
  constructor(private readonly transition: CampaignTransition) {}

  async execute(cmd: CompleteCampaignCommand): Promise<void> {
    await this.transition.run(null, cmd.campaignId, (c) => c.complete());
  }
}
