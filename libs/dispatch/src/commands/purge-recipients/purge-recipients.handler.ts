import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { RecipientLedger } from '../../database/recipient-ledger';
import { PurgeRecipientsCommand } from './purge-recipients.command';

@CommandHandler(PurgeRecipientsCommand)
export class PurgeRecipientsHandler implements ICommandHandler<PurgeRecipientsCommand> {
  constructor(private readonly ledger: RecipientLedger) {}

  async execute({ campaignId }: PurgeRecipientsCommand): Promise<void> {
    await this.ledger.purge(campaignId);
  }
}
