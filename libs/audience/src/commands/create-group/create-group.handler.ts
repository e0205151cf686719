import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../database/group.repository';
import { CreateGroupCommand } from './create-group.command';

@CommandHandler(CreateGroupCommand)
export class CreateGroupHandler implements ICommandHandler<CreateGroupCommand> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, name, description }: CreateGroupCommand) {
    return await this.groups.create(workspaceId, { name, description });
  }
}
