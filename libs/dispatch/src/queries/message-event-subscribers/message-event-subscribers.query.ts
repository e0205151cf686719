import { Query } from '@nestjs/cqrs';

/**
 * The workspaces that have an outbound webhook endpoint naming a `message.*` event (enabled or not: a
 * disabled endpoint keeps what it missed for replay). Declared by Dispatch, which writes those events only
 * for them, and answered by Webhooks, which owns the endpoints.
 */
export class MessageEventSubscribersQuery extends Query<Set<string>> {}
