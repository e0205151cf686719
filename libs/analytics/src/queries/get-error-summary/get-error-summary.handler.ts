import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { SummariseRecipientErrorsQuery } from '@app/dispatch';
import { CAMPAIGN_STOPPED, CAMPAIGN_STOPPED_MESSAGE, describeError } from '../../domain/error-catalog';
import { ErrorBucket, ErrorSummary, GetErrorSummaryQuery } from './get-error-summary.query';

const bucket = (code: string, count: number, sampleMessage: string | null): ErrorBucket => ({
  code,
  ...describeError(code, sampleMessage),
  count,
  sample_message: sampleMessage,
});

const total = (buckets: ErrorBucket[]) => buckets.reduce((n, b) => n + b.count, 0);
const mostFirst = (a: ErrorBucket, b: ErrorBucket) => b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);

@QueryHandler(GetErrorSummaryQuery)
export class GetErrorSummaryHandler implements IQueryHandler<GetErrorSummaryQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ campaignId, stopped }: GetErrorSummaryQuery): Promise<ErrorSummary> {
    const { buckets, undispatched } = await this.queries.execute(new SummariseRecipientErrorsQuery(campaignId, stopped));
    // A code can be both a failure and a skip; each list counts only its own rows, so each adds up to its total.
    const failed = buckets.filter((b) => b.failed > 0).map((b) => bucket(b.code, b.failed, b.sampleMessage)).sort(mostFirst);
    const skipped = buckets.filter((b) => b.count > b.failed).map((b) => bucket(b.code, b.count - b.failed, b.sampleMessage));
    if (undispatched > 0) skipped.push(bucket(CAMPAIGN_STOPPED, undispatched, CAMPAIGN_STOPPED_MESSAGE));
    skipped.sort(mostFirst);
    return { total_failed: total(failed), by_code: failed, total_skipped: total(skipped), skipped_by_code: skipped };
  }
}
