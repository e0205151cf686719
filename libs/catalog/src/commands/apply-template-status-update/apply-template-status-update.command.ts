import { Command } from '@nestjs/cqrs';
import type { TemplateStatusChangedEvent } from '../../domain/events/template-status-changed.event';

/**
 * Applies Meta's `message_template_status_update` webhook (fields `event`, `message_template_id`,
 * `message_template_name`, `message_template_language`, `reason`) to the templates of every workspace
 * that owns a channel of the WABA. `status` is Meta's event name (APPROVED, REJECTED, PAUSED, DISABLED,
 * PENDING_DELETION, REINSTATED, FLAGGED…). Answers, and publishes, one TemplateStatusChangedEvent per
 * template whose status actually changed; repeated or informational events change nothing.
 */
export class ApplyTemplateStatusUpdateCommand extends Command<TemplateStatusChangedEvent[]> {
  constructor(
    readonly wabaId: string,
    readonly metaTemplateId: string | number | null,
    readonly name: string | null,
    readonly language: string | null,
    readonly status: string,
    readonly reason: string | null,
  ) {
    super();
  }
}
