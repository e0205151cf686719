import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { ScheduleCampaignCommand } from './schedule-campaign.command';

@CommandHandler(ScheduleCampaignCommand)
export class ScheduleCampaignHandler implements ICommandHandler<ScheduleCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly refs: CampaignReferences,
  ) {}

  execute(cmd: ScheduleCampaignCommand) {
    return this.transition.run(cmd.workspaceId, cmd.campaignId, async (c) => {
      // The transition's own guard answers first, so an illegal action is INVALID_TRANSITION whatever the template.
      c.schedule(cmd.scheduledAt);
      await this.refs.assertSendable(c.snapshot());
    });
  }
}
