// Contracts first, Nest modules last: modules import each other's contracts, and CommonJS hands a
// module that is still loading only the exports it has reached so far.
export * from './domain/recipient-status';
export * from './domain/events/recipient-stats-changed.event';
export { RecipientErrorCode, AutoPauseReason } from './domain/dispatch.errors';
export { PROBLEM_STATUSES, UNKNOWN_ERROR_CODE, type RecipientView } from './queries/recipient-view/recipient-view';
export * from './queries/count-recipients-by-status/count-recipients-by-status.query';
export * from './queries/summarise-recipient-errors/summarise-recipient-errors.query';
export * from './queries/list-recipients/list-recipients.query';
export * from './queries/recipient-timeline/recipient-timeline.query';
export * from './dispatch.module';
import { Recipients1764400004000 } from './database/migrations/1764400004000-recipients';
import { DispatchRuns1764400004500 } from './database/migrations/1764400004500-dispatch-runs';
import { RecipientAnalyticsIndexes1764400006000 } from './database/migrations/1764400006000-recipient-analytics-indexes';
import { NarrowerRecipients1764400009000 } from './database/migrations/1764400009000-narrower-recipients';
import { DropRecipientsListIndex1764400010000 } from './database/migrations/1764400010000-drop-recipients-list-index';
import { DispatchRunChannels1764520000001 } from './database/migrations/1764520000001-dispatch-run-channels';
import { ClaimLeases1764560000000 } from './database/migrations/1764560000000-claim-leases';
export const dispatchMigrations = [Recipients1764400004000, DispatchRuns1764400004500, RecipientAnalyticsIndexes1764400006000, NarrowerRecipients1764400009000, DropRecipientsListIndex1764400010000, DispatchRunChannels1764520000001, ClaimLeases1764560000000];
