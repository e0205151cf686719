import { Command } from '@nestjs/cqrs';
import type { GroupEntity } from '../../database/group.entity';

export class UpdateGroupCommand extends Command<GroupEntity> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
    readonly patch: { name?: string; description?: string | null },
  ) {
    super();
  }
}
