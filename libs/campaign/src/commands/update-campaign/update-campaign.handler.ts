import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { validateSendWindow } from '../../domain/send-window';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { UpdateCampaignCommand } from './update-campaign.command';

@CommandHandler(UpdateCampaignCommand)
export class UpdateCampaignHandler implements ICommandHandler<UpdateCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly refs: CampaignReferences,
  ) {}

  execute({ workspaceId, campaignId, patch }: UpdateCampaignCommand) {
    return this.transition.run(workspaceId, campaignId, async (c) => {
      const before = c.snapshot();
      c.edit(patch.sendWindow ? { ...patch, sendWindow: validateSendWindow(patch.sendWindow) } : patch);
      const after = c.snapshot();
      const template = await this.refs.approvedTemplate(workspaceId, after.templateId);
      c.edit({ templateId: template.id });
      if (patch.templateId !== undefined || patch.variableMapping !== undefined) this.refs.validateMapping(template, after.variableMapping);
      if (patch.channelId !== undefined && patch.channelId !== before.channelId) {
        c.edit({ channelId: await this.refs.channelId(workspaceId, patch.channelId) });
      }
    });
  }
}
