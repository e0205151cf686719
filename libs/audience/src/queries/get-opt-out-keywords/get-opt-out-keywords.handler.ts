import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { OptOutKeywordsRepository } from '../../database/opt-out-keywords.repository';
import { GetOptOutKeywordsQuery } from './get-opt-out-keywords.query';

@QueryHandler(GetOptOutKeywordsQuery)
export class GetOptOutKeywordsHandler implements IQueryHandler<GetOptOutKeywordsQuery> {
  constructor(private readonly keywords: OptOutKeywordsRepository) {}

  execute({ workspaceId }: GetOptOutKeywordsQuery) {
    return this.keywords.get(workspaceId);
  }
}
