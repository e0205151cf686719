import { Command } from '@nestjs/cqrs';

/** A campaign whose audience names a deleted segment no longer gets its contacts (the segment matches nothing). */
export class DeleteSegmentCommand extends Command<void> {
  constructor(
    readonly workspaceId: string,
    readonly segmentId: string,
  ) {
    super();
  }
}
