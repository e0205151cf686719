import { Command } from '@nestjs/cqrs';
import type { GroupResponseDto } from '../../http/dto/group.dto';

export class CreateGroupCommand extends Command<GroupResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly name: string,
    readonly description: string | null,
  ) {
    super();
  }
}
