import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { GroupRepository } from '../../database/group.repository';
import { GetGroupQuery } from './get-group.query';

@QueryHandler(GetGroupQuery)
export class GetGroupHandler implements IQueryHandler<GetGroupQuery> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, groupId }: GetGroupQuery) {
    return await this.groups.get(workspaceId, groupId);
  }
}
