import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AudienceSql } from '../audience-sql';
import { BuildAudienceSelectQuery } from './build-audience-select.query';

@QueryHandler(BuildAudienceSelectQuery)
export class BuildAudienceSelectHandler implements IQueryHandler<BuildAudienceSelectQuery> {
  constructor(private readonly audience: AudienceSql) {}

  execute({ spec, firstParam, contactIdRange }: BuildAudienceSelectQuery) {
    return this.audience.select(spec, firstParam, undefined, contactIdRange);
  }
}
