import { Command } from '@nestjs/cqrs';
import type { TemplateEntity } from '../../database/template.entity';
import type { TemplateProblem } from '../../domain/template-components';

/** A template of the WABA this engine cannot send, and why; it is not stored. */
export interface SkippedTemplate {
  metaTemplateId: string | null;
  name: string;
  language: string;
  problems: TemplateProblem[];
}

export interface SyncResult {
  created: number;
  updated: number;
  unchanged: number;
  skipped: SkippedTemplate[];
  /** Every template stored by this sync, created or not. */
  templates: TemplateEntity[];
}

/** Pulls the templates of a channel's WABA from the Graph API and upserts them into the workspace. */
export class SyncTemplatesCommand extends Command<SyncResult> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
