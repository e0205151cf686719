import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { GroupRepository } from '../../database/group.repository';
import { ListGroupsQuery } from './list-groups.query';

@QueryHandler(ListGroupsQuery)
export class ListGroupsHandler implements IQueryHandler<ListGroupsQuery> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, limit, cursor }: ListGroupsQuery) {
    const { items, next_cursor } = paginate(await this.groups.list(workspaceId, decodeCursor(cursor), limit), limit);
    return { data: items, next_cursor };
  }
}
