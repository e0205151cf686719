import { Query } from '@nestjs/cqrs';
import type { GroupEntity } from '../../database/group.entity';

export class GetGroupQuery extends Query<GroupEntity> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
  ) {
    super();
  }
}
