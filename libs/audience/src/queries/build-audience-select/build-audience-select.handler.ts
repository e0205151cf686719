import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { audienceSelect } from '../audience-sql';
import { BuildAudienceSelectQuery } from './build-audience-select.query';

@QueryHandler(BuildAudienceSelectQuery)
export class BuildAudienceSelectHandler implements IQueryHandler<BuildAudienceSelectQuery> {
  async execute({ spec, firstParam, contactIdRange }: BuildAudienceSelectQuery) {
    return audienceSelect(spec, firstParam, undefined, contactIdRange);
  }
}
