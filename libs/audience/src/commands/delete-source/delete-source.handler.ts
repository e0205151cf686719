import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SourceRepository } from '../../database/source.repository';
import { DeleteSourceCommand } from './delete-source.command';

@CommandHandler(DeleteSourceCommand)
export class DeleteSourceHandler implements ICommandHandler<DeleteSourceCommand> {
  constructor(private readonly sources: SourceRepository) {}

  execute({ workspaceId, sourceId }: DeleteSourceCommand) {
    return this.sources.delete(workspaceId, sourceId);
  }
}
