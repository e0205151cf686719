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

export interface RecipientErrorSummary {
  buckets: RecipientErrorBucket[];
  /** Recipients not yet dispatched (pending or queued); counted only when asked, else 0. */
  undispatched: number;
}

/** Failed and skipped recipients of a campaign grouped by error code, most frequent first, in one pass. */
export class SummariseRecipientErrorsQuery extends Query<RecipientErrorSummary> {
  constructor(
    readonly campaignId: string,
    /** Also count the rows never dispatched (a stopped campaign's leftovers). */
    readonly countUndispatched = false,
  ) {
    super();
  }
}
