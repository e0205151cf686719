import { Command } from '@nestjs/cqrs';
import type { SegmentEntity } from '../../database/segment.entity';

/** Omitted fields stay; `match` and `conditions` given alone are combined with the stored other one. */
export class UpdateSegmentCommand extends Command<SegmentEntity> {
  constructor(
    readonly workspaceId: string,
    readonly segmentId: string,
    readonly patch: { name?: string; description?: string | null; match?: unknown; conditions?: unknown },
  ) {
    super();
  }
}
