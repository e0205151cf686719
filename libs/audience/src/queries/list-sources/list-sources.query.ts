import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { SourceResponseDto } from '../../http/dto/source.dto';

export class ListSourcesQuery extends Query<Page<SourceResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
