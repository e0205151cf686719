import { Query } from '@nestjs/cqrs';

export interface RecipientErrorBucket {
  /** The recorded error code (Meta's code or the engine's), `UNKNOWN_ERROR_CODE` when none was recorded. */
  code: string;
  /** Failed and skipped recipients with this code. */
  count: number;
  /** Of which failed (the rest were skipped). */
  failed: number;
  /** The error message of the most recent recipient with this code. */
  sampleMessage: string | null;
}

/** Failed and skipped recipients of a campaign grouped by error code, most frequent first, in one pass. */
export class SummariseRecipientErrorsQuery extends Query<RecipientErrorBucket[]> {
  constructor(readonly campaignId: string) {
    super();
  }
}
