import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AddListMembersCommand, ListMemberInput } from '@app/audience';
import { CampaignRepository } from '../../database/campaign.repository';
import { InvalidTransitionError } from '../../domain/campaign.errors';
import { parseRecipientVariables } from '../../domain/recipient-variables';
import { CampaignReferences } from '../campaign-references';
import { AddCampaignRecipientsCommand } from './add-campaign-recipients.command';

@CommandHandler(AddCampaignRecipientsCommand)
export class AddCampaignRecipientsHandler implements ICommandHandler<AddCampaignRecipientsCommand> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly refs: CampaignReferences,
    private readonly commands: CommandBus,
  ) {}

  async execute({ workspaceId, campaignId, recipients }: AddCampaignRecipientsCommand) {
    const campaign = await this.campaigns.findById(workspaceId, campaignId);
    // The audience of a running send never changes under it; a paused one picks the additions up on resume.
    if (!campaign.can('set_audience')) throw new InvalidTransitionError('add_recipients', campaign.snapshot().status);
    const template = await this.refs.template(workspaceId, campaign.snapshot().templateId);
    const failed: Array<{ index: number; code: string; message: string }> = [];
    const members: ListMemberInput[] = [];
    const indexes: number[] = [];
    recipients.forEach((r, index) => {
      const variables = r.variables === undefined ? {} : parseRecipientVariables(r.variables, template.variables);
      if (typeof variables === 'string') return failed.push({ index, code: 'INVALID_VARIABLES', message: variables });
      members.push({ phone: r.phone, contactId: r.contactId, variables: Object.keys(variables).length ? variables : null });
      indexes.push(index);
    });
    const added = await this.commands.execute(new AddListMembersCommand(workspaceId, campaignId, members));
    // Failures of the list refer to its own positions: map them back to the request's.
    failed.push(...added.failed.map((f) => ({ ...f, index: indexes[f.index] })));
    return { added: added.added, updated: added.updated, contactsCreated: added.contactsCreated, failed: failed.sort((a, b) => a.index - b.index) };
  }
}
