import { Command } from '@nestjs/cqrs';
import type { SegmentEntity } from '../../database/segment.entity';

export class CreateSegmentCommand extends Command<SegmentEntity> {
  constructor(
    readonly workspaceId: string,
    readonly input: { name: string; description: string | null; match: unknown; conditions: unknown },
  ) {
    super();
  }
}
