import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AudienceListRevisionQuery } from './audience-list-revision.query';

@QueryHandler(AudienceListRevisionQuery)
export class AudienceListRevisionHandler implements IQueryHandler<AudienceListRevisionQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ listId }: AudienceListRevisionQuery) {
    const [row]: Array<{ n: number; last: Date | null }> = await this.db.query(
      `SELECT count(*)::int AS n, max(updated_at) AS last FROM audience_list_members WHERE list_id = $1`,
      [listId],
    );
    return row.n ? `${row.n}@${row.last!.toISOString()}` : null;
  }
}
