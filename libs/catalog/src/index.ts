// Contracts first, Nest modules last: modules import each other's contracts, and CommonJS hands a
// module that is still loading only the exports it has reached so far.
export * from './queries/get-template/get-template.query';
export * from './queries/resolve-channel/resolve-channel.query';
export * from './queries/find-webhook-channels/find-webhook-channels.query';
export * from './queries/channel-usage/channel-usage.query';
export * from './commands/apply-template-status-update/apply-template-status-update.command';
export * from './domain/events/template-status-changed.event';
export * from './catalog.module';
import { Catalog1764400002700 } from './database/migrations/1764400002700-catalog';
import { TemplateStatusEventAt1764520000000 } from './database/migrations/1764520000000-template-status-event-at';
export const catalogMigrations = [Catalog1764400002700, TemplateStatusEventAt1764520000000];
