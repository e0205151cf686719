import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { ResumeCampaignCommand } from './resume-campaign.command';

@CommandHandler(ResumeCampaignCommand)
export class ResumeCampaignHandler implements ICommandHandler<ResumeCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly refs: CampaignReferences,
  ) {}

  execute(cmd: ResumeCampaignCommand) {
    return this.transition.run(cmd.workspaceId, cmd.campaignId, async (c) => {
      // The transition's own guard answers first, so an illegal action is INVALID_TRANSITION whatever the template.
      c.resume();
      await this.refs.assertSendable(c.snapshot());
    });
  }
}
