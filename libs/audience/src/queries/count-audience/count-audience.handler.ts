import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AudienceSql } from '../audience-sql';
import { CountAudienceQuery } from './count-audience.query';

@QueryHandler(CountAudienceQuery)
export class CountAudienceHandler implements IQueryHandler<CountAudienceQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audience: AudienceSql,
  ) {}

  async execute({ spec }: CountAudienceQuery) {
    const { sql, params } = await this.audience.select(spec, 1, 'c.id');
    const [row]: Array<{ total: number; opted_out: number }> = await this.db.query(
      `SELECT count(*) FILTER (WHERE NOT a.opted_out)::int AS total, count(*) FILTER (WHERE a.opted_out)::int AS opted_out FROM (${sql}) a`,
      params,
    );
    return row;
  }
}
