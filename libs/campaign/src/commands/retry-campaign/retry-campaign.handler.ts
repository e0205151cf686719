import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CampaignStatus } from '../../domain/campaign-status';
import { NothingToRetryError } from '../../domain/campaign.errors';
import { retryCodes } from '../../domain/retry-policy';
import { CampaignReferences } from '../campaign-references';
import { CampaignTransition } from '../campaign-transition';
import { RequeueFailedRecipientsCommand } from '../requeue-failed-recipients/requeue-failed-recipients.command';
import { RetryCampaignCommand } from './retry-campaign.command';

@CommandHandler(RetryCampaignCommand)
export class RetryCampaignHandler implements ICommandHandler<RetryCampaignCommand> {
  constructor(
    private readonly transition: CampaignTransition,
    private readonly refs: CampaignReferences,
    private readonly commands: CommandBus,
  ) {}

  async execute(cmd: RetryCampaignCommand) {
    const codes = retryCodes(cmd.codes);
    let requeued = 0;
    let wasStopped = false;
    const campaign = await this.transition.run(
      cmd.workspaceId,
      cmd.campaignId,
      async (c) => {
        wasStopped = c.status === CampaignStatus.STOPPED;
        c.retry();
        await this.refs.assertSendable(c.snapshot());
      },
      // In the campaign's own transaction: a retry that matches nobody rolls the campaign back as it was.
      async (m) => {
        requeued = await this.commands.execute(new RequeueFailedRecipientsCommand(m, cmd.campaignId, codes, wasStopped));
        if (!requeued) throw new NothingToRetryError(codes);
      },
    );
    return { ...campaign, requeued };
  }
}
