import { Query } from '@nestjs/cqrs';
import type { SourceResponseDto } from '../../http/dto/source.dto';

export class GetSourceQuery extends Query<SourceResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly sourceId: string,
  ) {
    super();
  }
}
