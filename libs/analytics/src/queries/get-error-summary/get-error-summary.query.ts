import { Query } from '@nestjs/cqrs';

export interface ErrorSummary {
  /** Failed recipients (the stats' `failed`); skipped ones are not counted here. */
  total_failed: number;
  /** Skipped recipients (opted out, invalid or duplicate number, missing variable). */
  total_skipped: number;
  by_code: Array<{ code: string; title: string; fix: string; count: number; sample_message: string | null }>;
}

/** Failed and skipped recipients bucketed by error code, most frequent first, explained by the catalog. */
export class GetErrorSummaryQuery extends Query<ErrorSummary> {
  constructor(readonly campaignId: string) {
    super();
  }
}
