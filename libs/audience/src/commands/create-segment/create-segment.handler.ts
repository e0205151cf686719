import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { SegmentRepository } from '../../database/segment.repository';
import { SegmentDefinitions } from '../segment-definitions';
import { CreateSegmentCommand } from './create-segment.command';

@CommandHandler(CreateSegmentCommand)
export class CreateSegmentHandler implements ICommandHandler<CreateSegmentCommand> {
  constructor(
    private readonly segments: SegmentRepository,
    private readonly definitions: SegmentDefinitions,
  ) {}

  async execute({ workspaceId, input }: CreateSegmentCommand) {
    const definition = await this.definitions.validate(workspaceId, input);
    return this.segments.create(workspaceId, { name: input.name, description: input.description, definition });
  }
}
