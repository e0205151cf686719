import { Query } from '@nestjs/cqrs';
import type { RecipientStatus } from '../../domain/recipient-status';

/** How many recipients of a campaign are in each (internal) status, counted from the rows in one pass. */
export class CountRecipientsByStatusQuery extends Query<Partial<Record<RecipientStatus, number>>> {
  constructor(readonly campaignId: string) {
    super();
  }
}
