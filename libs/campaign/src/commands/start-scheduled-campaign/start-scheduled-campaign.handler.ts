import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Env } from '@app/platform';
import { CampaignTransition } from '../campaign-transition';
import { StartScheduledCampaignCommand } from './start-scheduled-campaign.command';

@CommandHandler(StartScheduledCampaignCommand)
export class StartScheduledCampaignHandler implements ICommandHandler<StartScheduledCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly env: Env,
  ) {}

  async execute(cmd: StartScheduledCampaignCommand): Promise<void> {
    await this.transition.run(null, cmd.campaignId, (c) => c.arriveScheduled(this.env.SCHEDULE_MAX_LATENESS_MS));
  }
}
