import { Command } from '@nestjs/cqrs';
import type { SyncTemplatesResponseDto } from '../../http/dto/template.response.dto';

/** Pulls the templates of a channel's WABA from the Graph API and upserts them into the workspace. */
export class SyncTemplatesCommand extends Command<SyncTemplatesResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly channelId: string,
  ) {
    super();
  }
}
