import { Command } from '@nestjs/cqrs';
import type { SourceEntity } from '../../database/source.entity';

export class CreateSourceCommand extends Command<SourceEntity> {
  constructor(
    readonly workspaceId: string,
    readonly name: string,
  ) {
    super();
  }
}
