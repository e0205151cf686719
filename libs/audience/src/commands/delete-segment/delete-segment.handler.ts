import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SegmentRepository } from '../../database/segment.repository';
import { DeleteSegmentCommand } from './delete-segment.command';

@CommandHandler(DeleteSegmentCommand)
export class DeleteSegmentHandler implements ICommandHandler<DeleteSegmentCommand> {
  constructor(private readonly segments: SegmentRepository) {}

  execute({ workspaceId, segmentId }: DeleteSegmentCommand) {
    return this.segments.delete(workspaceId, segmentId);
  }
}
