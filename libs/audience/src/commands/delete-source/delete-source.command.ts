import { Command } from '@nestjs/cqrs';

/** Deletes the source; its contacts stay, with source_id null. */
export class DeleteSourceCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly sourceId: string,
  ) {
    super();
  }
}
