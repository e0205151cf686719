import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { EMPTY_AUDIENCE } from '../../domain/campaign.aggregate';
import { CampaignRepository } from '../../database/campaign.repository';
import { OutcomeAudienceEmptyError } from '../../domain/campaign.errors';
import { CampaignReferences } from '../campaign-references';
import { CreateCampaignCommand } from '../create-campaign/create-campaign.command';
import { CreateOutcomeGroupCommand } from '../create-outcome-group/create-outcome-group.command';
import { CloneCampaignCommand } from './clone-campaign.command';

/** Names are at most 120 characters; a long name loses its end to keep the suffix. */
const withSuffix = (name: string, suffix: string) => `${name.slice(0, 120 - suffix.length)}${suffix}`;

@CommandHandler(CloneCampaignCommand)
export class CloneCampaignHandler implements ICommandHandler<CloneCampaignCommand> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly refs: CampaignReferences,
    private readonly commands: CommandBus,
  ) {}

  async execute(cmd: CloneCampaignCommand) {
    const source = (await this.campaigns.findById(cmd.workspaceId, cmd.campaignId)).snapshot();
    const name = cmd.name ?? withSuffix(source.name, ' (copy)');
    let audience = source.audience;
    if (cmd.outcome) {
      // Checked before the group is made, so a clone refused for its template leaves no group behind.
      await this.refs.assertSendable(source);
      const group = await this.commands.execute(
        new CreateOutcomeGroupCommand(cmd.workspaceId, source.id, cmd.outcome, withSuffix(source.name, ` — ${cmd.outcome}`)),
      );
      if (!group) throw new OutcomeAudienceEmptyError(cmd.outcome);
      audience = { ...EMPTY_AUDIENCE, groups: [group.groupId] };
    }
    return this.commands.execute(
      new CreateCampaignCommand(cmd.workspaceId, {
        name,
        description: source.description,
        templateId: source.templateId,
        channelId: source.channelId,
        batchSize: source.batchSize,
        batchDelayMs: source.batchDelayMs,
        sendWindow: source.sendWindow,
        maxFailureRate: source.maxFailureRate,
        variableMapping: source.variableMapping,
        audience,
      }),
    );
  }
}
