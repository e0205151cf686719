import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { GroupResponseDto } from '../../http/dto/group.dto';

export class ListGroupsQuery extends Query<Page<GroupResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
