import { Command } from '@nestjs/cqrs';
import type { GroupResponseDto } from '../../http/dto/group.dto';

export class UpdateGroupCommand extends Command<GroupResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
    readonly patch: { name?: string; description?: string | null },
  ) {
    super();
  }
}
