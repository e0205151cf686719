// Contracts first, Nest modules last: modules import each other's contracts, and CommonJS hands a
// module that is still loading only the exports it has reached so far.
export * from './queries/audience-spec';
export * from './queries/check-audience-refs/check-audience-refs.query';
export * from './queries/describe-audience/describe-audience.query';
export * from './queries/count-audience/count-audience.query';
export * from './queries/sample-audience/sample-audience.query';
export * from './queries/audience-field-coverage/audience-field-coverage.query';
export * from './queries/get-contacts/get-contacts.query';
export * from './queries/build-audience-select/build-audience-select.query';
export * from './commands/opt-out-contact/opt-out-contact.command';
export * from './audience.module';
import { Audience1764400002000 } from './database/migrations/1764400002000-audience';
export const audienceMigrations = [Audience1764400002000];
