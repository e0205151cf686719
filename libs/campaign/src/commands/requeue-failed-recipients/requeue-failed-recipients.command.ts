import { Command } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';

/**
 * Puts a campaign's failed recipients with one of `codes` back to pending (attempt count kept), inside the
 * transaction `manager` belongs to, so the campaign's return to RUNNING and its recipients commit together.
 * When `dropUnattempted`, recipients never attempted (left pending by a stop) become skipped so that only
 * the failures are sent. Answers how many recipients were put back. Declared by Campaign, whose retry
 * needs it, and handled by Dispatch, which owns the recipient rows.
 */
export class RequeueFailedRecipientsCommand extends Command<number> {
  constructor(
    readonly manager: EntityManager,
    readonly campaignId: string,
    readonly codes: string[],
    readonly dropUnattempted: boolean,
  ) {
    super();
  }
}
