import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { SourceEntity } from '../../database/source.entity';

export class ListSourcesQuery extends Query<Page<SourceEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
