import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListRecipientsQuery, PROBLEM_STATUSES, RecipientFilter, UNDISPATCHED_STATUSES } from '@app/dispatch';
import { CAMPAIGN_STOPPED, CAMPAIGN_STOPPED_MESSAGE } from '../../domain/error-catalog';
import { ErrorRecipients, GetErrorRecipientsQuery } from './get-error-recipients.query';

@QueryHandler(GetErrorRecipientsQuery)
export class GetErrorRecipientsHandler implements IQueryHandler<GetErrorRecipientsQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ campaignId, errorCode, stopped, limit, cursor }: GetErrorRecipientsQuery): Promise<ErrorRecipients> {
    const undispatched = errorCode === CAMPAIGN_STOPPED;
    if (undispatched && !stopped) return { error_code: errorCode, recipients: [], next_cursor: null };
    const filter: RecipientFilter = undispatched ? { statuses: UNDISPATCHED_STATUSES } : { statuses: PROBLEM_STATUSES, errorCode };
    const page = await this.queries.execute(new ListRecipientsQuery(campaignId, filter, limit, cursor));
    return {
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
    };
  }
}
