import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignTransition } from '../campaign-transition';
import { FailCampaignCommand } from './fail-campaign.command';

@CommandHandler(FailCampaignCommand)
export class FailCampaignHandler implements ICommandHandler<FailCampaignCommand> {
  constructor(private readonly transition: CampaignTransition) {}

  async execute(cmd: FailCampaignCommand): Promise<void> {
    await this.transition.run(null, cmd.campaignId, (c) => c.fail(cmd.reason));
  }
}
