import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { SendCampaignCommand } from './send-campaign.command';

@CommandHandler(SendCampaignCommand)
export class SendCampaignHandler implements ICommandHandler<SendCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly refs: CampaignReferences,
  ) {}

  execute(cmd: SendCampaignCommand) {
    return this.transition.run(cmd.workspaceId, cmd.campaignId, async (c) => {
      // The transition's own guard answers first, so an illegal action is INVALID_TRANSITION whatever the template.
      c.send();
      await this.refs.assertSendable(c.snapshot());
      await this.refs.assertAudienceNotEmpty(c.snapshot());
    });
  }
}
