import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { SourceEntity } from '../../database/source.entity';

export class ListSourcesQuery extends Query<Page<SourceEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
