import { Command } from '@nestjs/cqrs';

export interface MembersAdded {
  added: number;
  alreadyMembers: number;
  missingContactIds: string[];
  missingPhones: string[];
  invalidPhones: string[];
  /** The group's size after the change. */
  memberCount: number;
}

export class AddGroupMembersCommand extends Command<MembersAdded> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
    readonly contactIds: string[],
    readonly phones: string[],
  ) {
    super();
  }
}
