import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListRecipientsQuery, PROBLEM_STATUSES, RecipientFilter, UNDISPATCHED_STATUSES } from '@app/dispatch';
import { withTotal } from '@app/platform';
import { CAMPAIGN_STOPPED, CAMPAIGN_STOPPED_MESSAGE } from '../../domain/error-catalog';
import { ErrorRecipients, GetErrorRecipientsQuery } from './get-error-recipients.query';

@QueryHandler(GetErrorRecipientsQuery)
export class GetErrorRecipientsHandler implements IQueryHandler<GetErrorRecipientsQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ campaignId, errorCode, stopped, page: request }: GetErrorRecipientsQuery): Promise<ErrorRecipients> {
    const undispatched = errorCode === CAMPAIGN_STOPPED;
    if (undispatched && !stopped) return withTotal({ error_code: errorCode, recipients: [], next_cursor: null }, request.includeTotal ? 0 : undefined);
    const filter: RecipientFilter = undispatched ? { statuses: UNDISPATCHED_STATUSES } : { statuses: PROBLEM_STATUSES, errorCode };
    const page = await this.queries.execute(new ListRecipientsQuery(campaignId, filter, request.limit, request.cursor, request.includeTotal));
    return withTotal({
      error_code: errorCode,
      recipients: page.data.map((r) => ({
        id: r.id,
        phone_number: r.phone_number,
        contact_id: r.contact_id,
        status: r.status,
        message_id: r.message_id,
        error: undispatched ? CAMPAIGN_STOPPED_MESSAGE : r.error,
      })),
      next_cursor: page.next_cursor,
    }, page.total);
  }
}
