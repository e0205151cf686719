import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { GroupRepository } from '../../database/group.repository';
import { ListGroupsQuery } from './list-groups.query';

@QueryHandler(ListGroupsQuery)
export class ListGroupsHandler implements IQueryHandler<ListGroupsQuery> {
  constructor(private readonly groups: GroupRepository) {}

  async execute({ workspaceId, page }: ListGroupsQuery) {
    return toPage(await this.groups.list(workspaceId, page));
  }
}
