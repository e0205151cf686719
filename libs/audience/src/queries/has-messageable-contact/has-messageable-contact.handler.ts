import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AudienceSql } from '../audience-sql';
import { HasMessageableContactQuery } from './has-messageable-contact.query';

@QueryHandler(HasMessageableContactQuery)
export class HasMessageableContactHandler implements IQueryHandler<HasMessageableContactQuery> {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audience: AudienceSql,
  ) {}

  async execute({ spec }: HasMessageableContactQuery): Promise<boolean> {
    const { sql, params } = await this.audience.anyMessageable(spec);
    const [row] = await this.db.query(`SELECT EXISTS (${sql}) AS any`, params);
    return row.any;
  }
}
