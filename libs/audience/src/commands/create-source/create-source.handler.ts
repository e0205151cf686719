import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SourceRepository } from '../../database/source.repository';
import { CreateSourceCommand } from './create-source.command';

@CommandHandler(CreateSourceCommand)
export class CreateSourceHandler implements ICommandHandler<CreateSourceCommand> {
  constructor(private readonly sources: SourceRepository) {}

  async execute({ workspaceId, name }: CreateSourceCommand) {
    return await this.sources.create(workspaceId, name);
  }
}
