export * from './campaign.module';
export * from './domain/campaign-status';
export * from './domain/events';
export * from './domain/variable-mapping';
import { Campaigns1764400001000 } from './database/migrations/1764400001000-campaigns';
export const campaignMigrations = [Campaigns1764400001000];
