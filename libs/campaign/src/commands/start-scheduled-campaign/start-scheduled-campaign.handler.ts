import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { Env } from '@app/platform';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { StartScheduledCampaignCommand } from './start-scheduled-campaign.command';

@CommandHandler(StartScheduledCampaignCommand)
export class StartScheduledCampaignHandler implements ICommandHandler<StartScheduledCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly env: Env,
    private readonly refs: CampaignReferences,
  ) {}

  async execute(cmd: StartScheduledCampaignCommand): Promise<void> {
    await this.transition.run(null, cmd.campaignId, async (c) => {
      c.arriveScheduled(this.env.SCHEDULE_MAX_LATENESS_MS, await this.refs.audienceIsEmpty(c.snapshot()));
    });
  }
}
