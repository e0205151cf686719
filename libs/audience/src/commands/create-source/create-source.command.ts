import { Command } from '@nestjs/cqrs';
import type { SourceResponseDto } from '../../http/dto/source.dto';

export class CreateSourceCommand extends Command<SourceResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly name: string,
  ) {
    super();
  }
}
