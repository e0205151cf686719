import { Query } from '@nestjs/cqrs';

export interface ErrorBucket {
  code: string;
  title: string;
  fix: string;
  count: number;
  sample_message: string | null;
}

export interface ErrorSummary {
  /** Failed recipients (the stats' `failed`): the sum of `by_code`. */
  total_failed: number;
  by_code: ErrorBucket[];
  /** Recipients not sent on purpose (opted out, invalid or duplicate number, missing variable, …, and a stopped campaign's undispatched ones): the sum of `skipped_by_code`. */
  total_skipped: number;
  skipped_by_code: ErrorBucket[];
}

/** Failed and skipped recipients bucketed by error code, most frequent first, explained by the catalog. */
export class GetErrorSummaryQuery extends Query<ErrorSummary> {
  constructor(
    readonly campaignId: string,
    /** A stopped campaign's recipients never dispatched are reported as a CAMPAIGN_STOPPED skip. */
    readonly stopped: boolean,
  ) {
    super();
  }
}
