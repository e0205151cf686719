import { Command } from '@nestjs/cqrs';

/** Removes the contact and its group memberships. */
export class DeleteContactCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly contactId: string,
  ) {
    super();
  }
}
