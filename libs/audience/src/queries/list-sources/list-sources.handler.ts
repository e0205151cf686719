import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { SourceRepository } from '../../database/source.repository';
import { ListSourcesQuery } from './list-sources.query';

@QueryHandler(ListSourcesQuery)
export class ListSourcesHandler implements IQueryHandler<ListSourcesQuery> {
  constructor(private readonly sources: SourceRepository) {}

  async execute({ workspaceId, limit, cursor }: ListSourcesQuery) {
    const { items, next_cursor } = paginate(await this.sources.list(workspaceId, decodeCursor(cursor), limit), limit);
    return { data: items, next_cursor };
  }
}
