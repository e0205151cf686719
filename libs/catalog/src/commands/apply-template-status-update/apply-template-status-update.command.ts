import { Command } from '@nestjs/cqrs';
import type { TemplateStatusChangedEvent } from '../../domain/events/template-status-changed.event';

/**
 * Applies Meta's `message_template_status_update` webhook (fields `event`, `message_template_id`,
 * `message_template_name`, `message_template_language`, `reason`) to the templates of the given
 * workspaces: those whose channel of the WABA signed the webhook, never every owner of a WABA id a payload
 * names. `status` is Meta's event name (APPROVED, REJECTED, PAUSED, DISABLED, PENDING_DELETION,
 * REINSTATED, FLAGGED…); `at` is when Meta says it happened, and an event older than the status a
 * template holds is stale (a replay, or a redelivery overtaken by a later event). Answers, and publishes,
 * one TemplateStatusChangedEvent per template whose status actually changed.
 */
export class ApplyTemplateStatusUpdateCommand extends Command<TemplateStatusChangedEvent[]> {
  constructor(
    readonly workspaceIds: string[],
    readonly metaTemplateId: string | number | null,
    readonly name: string | null,
    readonly language: string | null,
    readonly status: string,
    readonly reason: string | null,
    readonly at: Date,
  ) {
    super();
  }
}
