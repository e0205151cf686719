import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignTransition } from '../campaign-transition';
import { AutoPauseCampaignCommand } from './auto-pause-campaign.command';

@CommandHandler(AutoPauseCampaignCommand)
export class AutoPauseCampaignHandler implements ICommandHandler<AutoPauseCampaignCommand> {
  constructor(private readonly transition: CampaignTransition) {}

  async execute(cmd: AutoPauseCampaignCommand): Promise<void> {
    await this.transition.run(null, cmd.campaignId, (c) => c.pause(cmd.reason));
  }
}
