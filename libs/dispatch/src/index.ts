export * from './dispatch.module';
export * from './domain/recipient-status';
export * from './domain/events/recipient-stats-changed.event';
export { RecipientErrorCode, AutoPauseReason } from './domain/dispatch.errors';
import { Recipients1764400004000 } from './database/migrations/1764400004000-recipients';
import { DispatchRuns1764400004500 } from './database/migrations/1764400004500-dispatch-runs';
export const dispatchMigrations = [Recipients1764400004000, DispatchRuns1764400004500];
