import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { type ContactView, OPT_OUT_SCOPE_SQL } from '../audience-spec';
import { AudienceSql } from '../audience-sql';
import { SampleAudienceQuery } from './sample-audience.query';

@QueryHandler(SampleAudienceQuery)
export class SampleAudienceHandler implements IQueryHandler<SampleAudienceQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audience: AudienceSql,
  ) {}

  async execute({ spec, limit, contactId }: SampleAudienceQuery): Promise<ContactView[]> {
    if (limit <= 0) return [];
    const { sql, params } = await this.audience.select(
      spec,
      1,
      `c.id, c.phone, c.first_name, c.last_name, c.email, COALESCE(c.custom_fields, '{}') AS custom_fields, c.source_id, ${OPT_OUT_SCOPE_SQL} AS opt_out_scope, c.created_at`,
    );
    const n = params.length;
    return this.db.query(
      `SELECT a.id, a.phone, a.first_name, a.last_name, a.email, a.custom_fields, a.source_id, a.opted_out, a.opt_out_scope
         FROM (${sql}) a WHERE ${contactId ? `a.id = $${n + 2}` : 'NOT a.opted_out'} ORDER BY a.created_at, a.id LIMIT $${n + 1}`,
      contactId ? [...params, limit, contactId] : [...params, limit],
    );
  }
}
