import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignStatus } from '../../domain/campaign-status';
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
      const starts = !c.snapshot().startedAt;
      c.resume();
      await this.refs.assertSendable(c.snapshot());
      // A campaign paused before it ever ran that now starts is a send: it must have somebody to message.
      if (starts && c.status === CampaignStatus.RUNNING) await this.refs.assertAudienceNotEmpty(c.snapshot());
    });
  }
}
