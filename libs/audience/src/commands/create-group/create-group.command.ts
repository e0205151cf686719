import { Command } from '@nestjs/cqrs';
import type { GroupEntity } from '../../database/group.entity';

export class CreateGroupCommand extends Command<GroupEntity> {
  constructor(
    readonly workspaceId: string,
    readonly name: string,
    readonly description: string | null,
  ) {
    super();
  }
}
