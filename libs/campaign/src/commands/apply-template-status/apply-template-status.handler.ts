import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { TemplateStatus } from '@app/catalog';
import { CampaignRepository } from '../../database/campaign.repository';
import { TEMPLATE_PAUSED } from '../../domain/campaign.aggregate';
import { CampaignStatus } from '../../domain/campaign-status';
import { CampaignTransition } from '../campaign-transition';
import { ApplyTemplateStatusCommand } from './apply-template-status.command';

const UNSENDABLE: readonly TemplateStatus[] = ['DISABLED', 'REJECTED'];
const { SCHEDULED, RUNNING, PAUSED } = CampaignStatus;

@CommandHandler(ApplyTemplateStatusCommand)
export class ApplyTemplateStatusHandler implements ICommandHandler<ApplyTemplateStatusCommand> {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly transition: CampaignTransition,
  ) {}

  async execute({ workspaceId, templateId, status, reason }: ApplyTemplateStatusCommand) {
    const fail = UNSENDABLE.includes(status);
    if (!fail && status !== 'PAUSED') return { failed: 0, paused: 0 };
    const affected = await this.campaigns.findIdsUsing(workspaceId, { templateId }, fail ? [SCHEDULED, RUNNING, PAUSED] : [SCHEDULED, RUNNING]);
    const why = `Template ${status.toLowerCase()} by WhatsApp${reason ? `: ${reason}` : ''}`;
    for (const id of affected) {
      await this.transition.run(workspaceId, id, (c) => (fail ? c.fail(why) : c.pause(TEMPLATE_PAUSED)));
    }
    return { failed: fail ? affected.length : 0, paused: fail ? 0 : affected.length };
  }
}
