import { Command } from '@nestjs/cqrs';
import type { RemoveGroupMembersResponseDto } from '../../http/dto/group.dto';

/** Takes contacts out of the group; the contacts themselves stay. */
export class RemoveGroupMembersCommand extends Command<RemoveGroupMembersResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
    readonly contactIds: string[],
  ) {
    super();
  }
}
