/** Query handlers over recipient rows, for Analytics and the recipient views. */
import type { Provider } from '@nestjs/common';
import { CampaignOutcomeSqlHandler } from './campaign-outcome-sql/campaign-outcome-sql.handler';
import { ListRecipientsHandler } from './list-recipients/list-recipients.handler';
import { RecipientTimelineHandler } from './recipient-timeline/recipient-timeline.handler';
import { GetWaitingRecipientsHandler } from './get-waiting-recipients/get-waiting-recipients.handler';
import { SummariseRecipientErrorsHandler } from './summarise-recipient-errors/summarise-recipient-errors.handler';

export const DISPATCH_QUERY_HANDLERS: Provider[] = [
  SummariseRecipientErrorsHandler,
  ListRecipientsHandler,
  RecipientTimelineHandler,
  GetWaitingRecipientsHandler,
  CampaignOutcomeSqlHandler,
];

