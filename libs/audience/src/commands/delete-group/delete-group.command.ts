import { Command } from '@nestjs/cqrs';

/** Deletes the group and its memberships; the contacts stay. */
export class DeleteGroupCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
  ) {
    super();
  }
}
