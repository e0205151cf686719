import { Command } from '@nestjs/cqrs';
import type { AddGroupMembersResponseDto } from '../../http/dto/group.dto';

export class AddGroupMembersCommand extends Command<AddGroupMembersResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
    readonly contactIds: string[],
    readonly phones: string[],
  ) {
    super();
  }
}
