import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../database/group.repository';
import { RemoveGroupMembersCommand } from './remove-group-members.command';

@CommandHandler(RemoveGroupMembersCommand)
export class RemoveGroupMembersHandler implements ICommandHandler<RemoveGroupMembersCommand> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, groupId, contactIds }: RemoveGroupMembersCommand) {
    const r = await this.groups.removeMembers(workspaceId, groupId, [...new Set(contactIds)]);
    const group = await this.groups.get(workspaceId, groupId);
    return { ...r, memberCount: group.memberCount };
  }
}
