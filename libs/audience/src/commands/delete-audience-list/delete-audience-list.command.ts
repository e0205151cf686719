import { Command } from '@nestjs/cqrs';

/** Drops a list's members (their contacts stay); a no-op for an empty or unknown list. */
export class DeleteAudienceListCommand extends Command<void> {
  constructor(readonly listId: string) {
    super();
  }
}
