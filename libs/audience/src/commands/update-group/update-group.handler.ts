import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../database/group.repository';
import { UpdateGroupCommand } from './update-group.command';

@CommandHandler(UpdateGroupCommand)
export class UpdateGroupHandler implements ICommandHandler<UpdateGroupCommand> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, groupId, patch }: UpdateGroupCommand) {
    const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    return await this.groups.update(workspaceId, groupId, changes);
  }
}
