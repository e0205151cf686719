export * from './analytics.module';
export * from './queries/get-campaign-stats/get-campaign-stats.query';
import { CampaignStats1764400003000 } from './database/migrations/1764400003000-campaign-stats';
export const analyticsMigrations = [CampaignStats1764400003000];
