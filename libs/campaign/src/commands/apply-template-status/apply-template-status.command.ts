import { Command } from '@nestjs/cqrs';
import type { TemplateStatus } from '@app/catalog';

/**
 * A template changed status at Meta. Disabled/rejected: its active campaigns fail (they can never send).
 * Paused: running and scheduled ones pause with TEMPLATE_PAUSED. Approved again: those paused for that
 * reason alone resume (running again, or back to SCHEDULED).
 */
export class ApplyTemplateStatusCommand extends Command<{ failed: number; paused: number; resumed: number }> {
  constructor(
    readonly workspaceId: string,
    readonly templateId: string,
    readonly status: TemplateStatus,
    readonly reason: string | null,
  ) {
    super();
  }
}
