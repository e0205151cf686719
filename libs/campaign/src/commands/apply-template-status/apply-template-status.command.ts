import { Command } from '@nestjs/cqrs';
import type { TemplateStatus } from '@app/catalog';

/**
 * A template changed status at Meta. Disabled/rejected: its active campaigns fail (they can never send).
 * Paused: running and scheduled ones pause with TEMPLATE_PAUSED, resumable once Meta reinstates it.
 */
export class ApplyTemplateStatusCommand extends Command<{ failed: number; paused: number }> {
  constructor(
    readonly workspaceId: string,
    readonly templateId: string,
    readonly status: TemplateStatus,
    readonly reason: string | null,
  ) {
    super();
  }
}
