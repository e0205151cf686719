import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { SummariseRecipientErrorsQuery } from '@app/dispatch';
import { describeError } from '../../domain/error-catalog';
import { ErrorSummary, GetErrorSummaryQuery } from './get-error-summary.query';

@QueryHandler(GetErrorSummaryQuery)
export class GetErrorSummaryHandler implements IQueryHandler<GetErrorSummaryQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ campaignId }: GetErrorSummaryQuery): Promise<ErrorSummary> {
    const buckets = await this.queries.execute(new SummariseRecipientErrorsQuery(campaignId));
    const failed = buckets.reduce((n, b) => n + b.failed, 0);
    return {
      total_failed: failed,
      total_skipped: buckets.reduce((n, b) => n + b.count, 0) - failed,
      by_code: buckets.map((b) => ({ code: b.code, ...describeError(b.code, b.sampleMessage), count: b.count, sample_message: b.sampleMessage })),
    };
  }
}
