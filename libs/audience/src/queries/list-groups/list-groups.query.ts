import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { GroupEntity } from '../../database/group.entity';

export class ListGroupsQuery extends Query<Page<GroupEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
  ) {
    super();
  }
}
