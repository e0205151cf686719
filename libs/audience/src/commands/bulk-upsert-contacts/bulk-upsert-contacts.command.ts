import { Command } from '@nestjs/cqrs';
import type { RowFailure } from '../../domain/contact-input';

/** `rows` are unvalidated JSON: each is checked on its own and reported in `failed` when bad. */
export class BulkUpsertContactsCommand extends Command<{ created: number; updated: number; failed: RowFailure[] }> {
  constructor(
    readonly workspaceId: string,
    readonly rows: unknown[],
    readonly groupIds: string[] = [],
    readonly sourceId?: string,
  ) {
    super();
  }
}
