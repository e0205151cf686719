import { Query } from '@nestjs/cqrs';
import type { GroupResponseDto } from '../../http/dto/group.dto';

export class GetGroupQuery extends Query<GroupResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly groupId: string,
  ) {
    super();
  }
}
