import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { GroupEntity } from '../../database/group.entity';

export class ListGroupsQuery extends Query<Page<GroupEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
