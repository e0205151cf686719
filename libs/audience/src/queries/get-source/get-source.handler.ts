import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SourceRepository } from '../../database/source.repository';
import { GetSourceQuery } from './get-source.query';

@QueryHandler(GetSourceQuery)
export class GetSourceHandler implements IQueryHandler<GetSourceQuery> {
  constructor(private readonly sources: SourceRepository) {}

  async execute({ workspaceId, sourceId }: GetSourceQuery) {
    return await this.sources.get(workspaceId, sourceId);
  }
}
