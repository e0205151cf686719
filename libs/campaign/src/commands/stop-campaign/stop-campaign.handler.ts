import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignTransition } from '../campaign-transition';
import { StopCampaignCommand } from './stop-campaign.command';

@CommandHandler(StopCampaignCommand)
export class StopCampaignHandler implements ICommandHandler<StopCampaignCommand> {
  constructor(private readonly transition: CampaignTransition) {}

  execute(cmd: StopCampaignCommand) {
    return this.transition.run(cmd.workspaceId, cmd.campaignId, (c) => c.stop());
  }
}
