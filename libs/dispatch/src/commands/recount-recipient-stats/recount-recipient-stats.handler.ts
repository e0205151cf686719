import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecipientLedger } from '../../database/recipient-ledger';
import { RecountRecipientStatsCommand } from './recount-recipient-stats.command';

@CommandHandler(RecountRecipientStatsCommand)
export class RecountRecipientStatsHandler implements ICommandHandler<RecountRecipientStatsCommand> {
  constructor(private readonly ledger: RecipientLedger) {}

  execute({ campaignId }: RecountRecipientStatsCommand): Promise<void> {
    return this.ledger.recountStats(campaignId);
  }
}
