import { Query } from '@nestjs/cqrs';
import type { PublicRecipientStatus } from '@app/dispatch';

export interface ErrorRecipients {
  error_code: string;
  recipients: Array<{ id: string; phone_number: string; contact_id: string; status: PublicRecipientStatus; message_id: string | null; error: string | null }>;
}

/** The newest `limit` failed or skipped recipients with one error code (the drill-down under one line of the errors summary). */
export class GetErrorRecipientsQuery extends Query<ErrorRecipients> {
  constructor(
    readonly campaignId: string,
    readonly errorCode: string,
    readonly limit: number,
  ) {
    super();
  }
}
