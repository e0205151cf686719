import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GetWaitingRecipientsQuery, WaitingRecipients } from '@app/campaign';
import { RecipientLedger } from '../../database/recipient-ledger';

@QueryHandler(GetWaitingRecipientsQuery)
export class GetWaitingRecipientsHandler implements IQueryHandler<GetWaitingRecipientsQuery> {
  constructor(private readonly ledger: RecipientLedger) {}

  execute({ campaignIds }: GetWaitingRecipientsQuery): Promise<Map<string, WaitingRecipients>> {
    return this.ledger.waitingRecipients(campaignIds);
  }
}
