import { Command } from '@nestjs/cqrs';

/** Whose outcome a follow-up campaign reaches: each includes the one before it; skipped recipients never. */
export const CLONE_OUTCOMES = ['failed', 'not_delivered', 'not_read'] as const;
export type CloneOutcome = (typeof CLONE_OUTCOMES)[number];

/**
 * Makes a group of the contacts whose recipient outcome in campaign `campaignId` is `outcome`, as they stand
 * now. Answers the group's id and size, or null (and no group) when nobody has that outcome. Declared by
 * Campaign, whose clone needs it, and handled by Dispatch, which owns the recipient rows.
 */
export class CreateOutcomeGroupCommand extends Command<{ groupId: string; members: number } | null> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly outcome: CloneOutcome,
    readonly groupName: string,
  ) {
    super();
  }
}
