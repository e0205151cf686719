import { Command } from '@nestjs/cqrs';

/**
 * A template changed status at Meta. Disabled/rejected: its active campaigns fail (they can never send).
 * Paused: running and scheduled ones pause with TEMPLATE_PAUSED, resumable once Meta reinstates it.
 */
export class ApplyTemplateStatusCommand extends Command<{ failed: number; paused: number }> {
  constructor(
    readonly workspaceId: string,
    readonly templateId: string,
    readonly status: string,
    readonly reason: string | null,
  ) {
    super();
  }
}
