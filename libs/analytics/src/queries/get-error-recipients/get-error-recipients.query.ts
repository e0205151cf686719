import { Query } from '@nestjs/cqrs';
import type { PublicRecipientStatus } from '@app/dispatch';
import type { PageRequest } from '@app/platform';

export interface ErrorRecipients {
  error_code: string;
  recipients: Array<{ id: string; phone_number: string; contact_id: string; status: PublicRecipientStatus; message_id: string | null; error: string | null }>;
  next_cursor: string | null;
  total?: number;
}

/**
 * One page, newest first, of the recipients under one line of the errors summary: failed or skipped with
 * that code, or for CAMPAIGN_STOPPED a stopped campaign's recipients never dispatched.
 */
export class GetErrorRecipientsQuery extends Query<ErrorRecipients> {
  constructor(
    readonly campaignId: string,
    readonly errorCode: string,
    readonly stopped: boolean,
    readonly page: PageRequest,
  ) {
    super();
  }
}
