export * from './queries/get-error-summary/get-error-summary.query';
export * from './queries/get-error-recipients/get-error-recipients.query';
export * from './commands/refresh-campaign-stats/refresh-campaign-stats.command';
export * from './analytics.module';
import { CampaignStats1764400003000 } from './database/migrations/1764400003000-campaign-stats';
export const analyticsMigrations = [CampaignStats1764400003000];
