import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignTransition } from '../campaign-transition';
import { PauseCampaignCommand } from './pause-campaign.command';

@CommandHandler(PauseCampaignCommand)
export class PauseCampaignHandler implements ICommandHandler<PauseCampaignCommand> {
  constructor(private readonly transition: CampaignTransition) {}

  execute(cmd: PauseCampaignCommand) {
    return this.transition.run(cmd.workspaceId, cmd.campaignId, (c) => c.pause());
  }
}
