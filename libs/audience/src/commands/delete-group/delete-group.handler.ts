import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../database/group.repository';
import { DeleteGroupCommand } from './delete-group.command';

@CommandHandler(DeleteGroupCommand)
export class DeleteGroupHandler implements ICommandHandler<DeleteGroupCommand> {
  constructor(private readonly groups: GroupRepository) {}

  execute({ workspaceId, groupId }: DeleteGroupCommand) {
    return this.groups.delete(workspaceId, groupId);
  }
}
