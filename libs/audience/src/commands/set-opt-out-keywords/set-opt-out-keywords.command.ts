import { Command } from '@nestjs/cqrs';
import type { OptOutKeywords } from '../../domain/opt-out';

/** Replaces the workspace's reply keywords; each is stored normalised (trimmed, upper case). */
export class SetOptOutKeywordsCommand extends Command<OptOutKeywords> {
  constructor(
    readonly workspaceId: string,
    readonly keywords: OptOutKeywords,
  ) {
    super();
  }
}
