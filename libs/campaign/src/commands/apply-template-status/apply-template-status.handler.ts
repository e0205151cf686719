import { Logger } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import type { TemplateStatus } from '@app/catalog';
import { Env } from '@app/platform';
import { CampaignRepository } from '../../database/campaign.repository';
import { Campaign, CampaignProps, TEMPLATE_PAUSED } from '../../domain/campaign.aggregate';
import { ConcurrentTransitionError, InvalidTransitionError } from '../../domain/campaign.errors';
import { CampaignStatus } from '../../domain/campaign-status';
import { CampaignTransition } from '../campaign-transition';
import { ApplyTemplateStatusCommand } from './apply-template-status.command';

const UNSENDABLE: readonly TemplateStatus[] = ['DISABLED', 'REJECTED'];
const { SCHEDULED, RUNNING, PAUSED } = CampaignStatus;

@CommandHandler(ApplyTemplateStatusCommand)
export class ApplyTemplateStatusHandler implements ICommandHandler<ApplyTemplateStatusCommand> {
  private readonly logger = new Logger(ApplyTemplateStatusHandler.name);

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly transition: CampaignTransition,
    private readonly env: Env,
  ) {}

  async execute({ workspaceId, templateId, status, reason }: ApplyTemplateStatusCommand) {
    if (status === 'APPROVED') {
      const after = await this.each(workspaceId, templateId, [PAUSED], (c) => c.resumeAfterTemplateApproved(this.env.SCHEDULE_MAX_LATENESS_MS));
      return { failed: 0, paused: 0, resumed: after.filter((c) => c.status !== PAUSED).length };
    }
    const fail = UNSENDABLE.includes(status);
    if (!fail && status !== 'PAUSED') return { failed: 0, paused: 0, resumed: 0 };
    const why = `Template ${status.toLowerCase()} by WhatsApp${reason ? `: ${reason}` : ''}`;
    const after = await this.each(workspaceId, templateId, fail ? [SCHEDULED, RUNNING, PAUSED] : [SCHEDULED, RUNNING], (c) => (fail ? c.fail(why) : c.pause(TEMPLATE_PAUSED)));
    return { failed: fail ? after.length : 0, paused: fail ? 0 : after.length, resumed: 0 };
  }

  /**
   * Applies `change` to each of the template's campaigns in `statuses`, answering them as they now stand. One a
   * user moved meanwhile (stopped, or changed in the same instant) is left as the user made it.
   */
  private async each(workspaceId: string, templateId: string, statuses: CampaignStatus[], change: (c: Campaign) => void) {
    const after: Array<Readonly<CampaignProps>> = [];
    for (const id of await this.campaigns.findIdsUsing(workspaceId, { templateId }, statuses)) {
      try {
        after.push(await this.transition.run(workspaceId, id, change));
      } catch (e) {
        if (!(e instanceof ConcurrentTransitionError || e instanceof InvalidTransitionError)) throw e;
        this.logger.warn(`campaign ${id} was changed by someone else while applying template ${templateId}'s new status: left as it is`);
      }
    }
    return after;
  }
}
