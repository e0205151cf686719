import { Query } from '@nestjs/cqrs';

export interface WaitingRecipients {
  /** Pending recipients not yet due (outside their send window, or waiting for a retry). */
  waiting: number;
  /** When the earliest of them falls due, while none is due now; null otherwise. */
  nextDueAt: Date | null;
}

/**
 * What the last pump of each campaign found waiting. Declared by Campaign, whose API object shows it, and
 * answered by Dispatch, which records it each time a pump finishes. Campaigns never pumped are absent.
 */
export class GetWaitingRecipientsQuery extends Query<Map<string, WaitingRecipients>> {
  constructor(readonly campaignIds: string[]) {
    super();
  }
}
