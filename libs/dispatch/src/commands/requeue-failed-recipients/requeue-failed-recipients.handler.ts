import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RequeueFailedRecipientsCommand } from '@app/campaign';
import { RecipientLedger } from '../../database/recipient-ledger';

@CommandHandler(RequeueFailedRecipientsCommand)
export class RequeueFailedRecipientsHandler implements ICommandHandler<RequeueFailedRecipientsCommand> {
  constructor(private readonly ledger: RecipientLedger) {}

  execute(cmd: RequeueFailedRecipientsCommand): Promise<number> {
    return this.ledger.requeueFailed(cmd.manager, cmd.campaignId, cmd.codes, cmd.dropUnattempted);
  }
}
