import { Command } from '@nestjs/cqrs';

export interface MembersRemoved {
  removed: number;
  notMembers: string[];
  /** The group's size after the change. */
  memberCount: number;
}

/** Takes contacts out of the group; the contacts themselves stay. */
export class RemoveGroupMembersCommand extends Command<MembersRemoved> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
    readonly contactIds: string[],
  ) {
    super();
  }
}
