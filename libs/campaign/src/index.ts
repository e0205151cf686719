// Contracts first, Nest modules last: modules import each other's contracts, and CommonJS hands a
// module that is still loading only the exports it has reached so far.
export * from './domain/campaign-status';
export * from './domain/events';
export * from './domain/variable-mapping';
export * from './domain/template-renderer';
export { MANUAL_PAUSE, SCHEDULE_MISSED, TEMPLATE_PAUSED } from './domain/campaign.aggregate';
export * from './commands/start-scheduled-campaign/start-scheduled-campaign.command';
export * from './commands/complete-campaign/complete-campaign.command';
export * from './commands/fail-campaign/fail-campaign.command';
export * from './commands/auto-pause-campaign/auto-pause-campaign.command';
export * from './commands/record-materialised/record-materialised.command';
export * from './queries/get-campaign/get-campaign.query';
export * from './queries/get-dispatch-info/get-dispatch-info.query';
export * from './queries/find-campaigns-to-reconcile/find-campaigns-to-reconcile.query';
export * from './queries/get-campaign-status/get-campaign-status.query';
export * from './queries/list-scheduled-starts/list-scheduled-starts.query';
export type { CampaignResponseDto } from './http/dto/campaign.response.dto';
export * from './campaign.module';
import { Campaigns1764400001000 } from './database/migrations/1764400001000-campaigns';
import { PauseReasonCasing1764550000000 } from './database/migrations/1764550000000-pause-reason-casing';
export const campaignMigrations = [Campaigns1764400001000, PauseReasonCasing1764550000000];
