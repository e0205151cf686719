import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RecipientLedger } from '../../database/recipient-ledger';
import type { RecipientStatus } from '../../domain/recipient-status';
import { CountRecipientsByStatusQuery } from './count-recipients-by-status.query';

@QueryHandler(CountRecipientsByStatusQuery)
export class CountRecipientsByStatusHandler implements IQueryHandler<CountRecipientsByStatusQuery> {
  constructor(private readonly ledger: RecipientLedger) {}

  async execute({ campaignId }: CountRecipientsByStatusQuery): Promise<Partial<Record<RecipientStatus, number>>> {
    return this.ledger.countByStatus(campaignId);
  }
}
