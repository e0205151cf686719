import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { SetCampaignAudienceCommand } from './set-campaign-audience.command';

@CommandHandler(SetCampaignAudienceCommand)
export class SetCampaignAudienceHandler implements ICommandHandler<SetCampaignAudienceCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly refs: CampaignReferences,
  ) {}

  execute({ workspaceId, campaignId, audience }: SetCampaignAudienceCommand) {
    return this.transition.run(workspaceId, campaignId, async (c) => {
      c.setAudience(audience);
      await this.refs.assertAudienceExists(workspaceId, audience);
    });
  }
}
