import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AudienceSql } from '../audience-sql';
import { AudienceFieldCoverageQuery, FieldCoverage } from './audience-field-coverage.query';
import { parseContactFields } from './coverage-fields';

@QueryHandler(AudienceFieldCoverageQuery)
export class AudienceFieldCoverageHandler implements IQueryHandler<AudienceFieldCoverageQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audience: AudienceSql,
  ) {}

  /** One pass over the audience: a `count(*) FILTER` per field; "present" is non-null and not ''. */
  async execute({ spec, fields }: AudienceFieldCoverageQuery): Promise<FieldCoverage> {
    const parsed = parseContactFields(fields);
    const { sql, params } = await this.audience.select(spec, 1, 'c.phone, c.first_name, c.last_name, c.email, c.custom_fields');
    const args = [...params];
    const counts = parsed.map(({ field }, i) => {
      const value = 'column' in field ? `a.${field.column}` : `a.custom_fields ->> $${args.push(field.customKey)}::text`;
      return `count(*) FILTER (WHERE NULLIF(${value}, '') IS NOT NULL)::int AS f${i}`;
    });
    const [row]: Array<Record<string, number>> = await this.db.query(
      `SELECT ${['count(*)::int AS total', ...counts].join(', ')} FROM (${sql}) a WHERE NOT a.opted_out`,
      args,
    );
    const coverage: FieldCoverage['coverage'] = {};
    parsed.forEach(({ name }, i) => (coverage[name] = { present: row[`f${i}`], missing: row.total - row[`f${i}`] }));
    return { total_recipients: row.total, coverage };
  }
}
