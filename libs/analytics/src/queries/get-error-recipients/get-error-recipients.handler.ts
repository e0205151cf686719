import { IQueryHandler, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { ListRecipientsQuery, PROBLEM_STATUSES } from '@app/dispatch';
import { ErrorRecipients, GetErrorRecipientsQuery } from './get-error-recipients.query';

@QueryHandler(GetErrorRecipientsQuery)
export class GetErrorRecipientsHandler implements IQueryHandler<GetErrorRecipientsQuery> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ campaignId, errorCode, limit }: GetErrorRecipientsQuery): Promise<ErrorRecipients> {
    const page = await this.queries.execute(new ListRecipientsQuery(campaignId, { statuses: PROBLEM_STATUSES, errorCode }, limit));
    return {
      error_code: errorCode,
      recipients: page.data.map((r) => ({ id: r.id, phone_number: r.phone_number, contact_id: r.contact_id, status: r.status, message_id: r.message_id, error: r.error })),
    };
  }
}
