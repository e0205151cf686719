// Contracts first, Nest modules last: modules import each other's contracts, and CommonJS hands a
// module that is still loading only the exports it has reached so far.
export * from './commands/create-webhook/create-webhook.command';
export * from './commands/delete-webhook/delete-webhook.command';
export * from './commands/send-test-event/send-test-event.command';
export * from './queries/get-webhook/get-webhook.query';
export * from './queries/list-webhooks/list-webhooks.query';
export * from './queries/list-deliveries/list-deliveries.query';
export { CAMPAIGN_EVENT_TYPES, TEST_EVENT_TYPE } from './domain/webhook-events';
export * from './webhooks.module';
export * from './webhooks-worker.module';
import { Webhooks1764400008000 } from './database/migrations/1764400008000-webhooks';
export const webhooksMigrations = [Webhooks1764400008000];
