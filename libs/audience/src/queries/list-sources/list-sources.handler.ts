import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { SourceRepository } from '../../database/source.repository';
import { ListSourcesQuery } from './list-sources.query';

@QueryHandler(ListSourcesQuery)
export class ListSourcesHandler implements IQueryHandler<ListSourcesQuery> {
  constructor(private readonly sources: SourceRepository) {}

  async execute({ workspaceId, page }: ListSourcesQuery) {
    return toPage(await this.sources.list(workspaceId, page));
  }
}
