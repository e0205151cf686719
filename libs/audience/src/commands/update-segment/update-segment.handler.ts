import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SegmentRepository } from '../../database/segment.repository';
import { SegmentDefinitions } from '../segment-definitions';
import { UpdateSegmentCommand } from './update-segment.command';

@CommandHandler(UpdateSegmentCommand)
export class UpdateSegmentHandler implements ICommandHandler<UpdateSegmentCommand> {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly definitions: SegmentDefinitions,
  ) {}

  async execute({ workspaceId, segmentId, patch }: UpdateSegmentCommand) {
    const current = await this.segments.get(workspaceId, segmentId);
    const redefines = patch.match !== undefined || patch.conditions !== undefined;
    const definition = redefines
      ? await this.definitions.validate(workspaceId, { match: patch.match ?? current.definition.match, conditions: patch.conditions ?? current.definition.conditions })
      : undefined;
    return this.segments.update(workspaceId, segmentId, { name: patch.name, description: patch.description, definition });
  }
}
