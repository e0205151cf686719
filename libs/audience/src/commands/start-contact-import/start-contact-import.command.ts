import { Command } from '@nestjs/cqrs';
import type { ContactImportSnapshot, ImportTarget } from '../../domain/contact-import';

export interface ContactImportOptions {
  fileName: string | null;
  groupIds: string[];
  sourceId: string | null;
  mapping: Record<string, ImportTarget> | null;
}

/**
 * Stores an uploaded CSV as it arrives (never the whole file in memory) and queues its import. Answers
 * the import, `queued`; the worker reads, validates and upserts it.
 */
export class StartContactImportCommand extends Command<ContactImportSnapshot> {
  constructor(
    readonly workspaceId: string,
    readonly file: AsyncIterable<Buffer>,
    readonly opts: ContactImportOptions,
  ) {
    super();
  }
}
