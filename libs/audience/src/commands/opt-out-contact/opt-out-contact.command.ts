import { Command } from '@nestjs/cqrs';

/**
 * Marks the contact opted out of every message (`ALL`) or of marketing templates only (`MARKETING`: Meta
 * error 131050, the user stopped marketing messages). A contact that is unknown (deleted since) or already
 * opted out that far is left as is, without error.
 */
export class OptOutContactCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
    readonly scope: 'ALL' | 'MARKETING',
  ) {
    super();
  }
}
