import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validIds } from '../audience-sql';
import { ListMemberVariablesQuery } from './list-member-variables.query';

@QueryHandler(ListMemberVariablesQuery)
export class ListMemberVariablesHandler implements IQueryHandler<ListMemberVariablesQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ listId, contactIds }: ListMemberVariablesQuery) {
    const rows: Array<{ contact_id: string; variables: Record<string, string> }> = contactIds.length
      ? await this.db.query(
          `SELECT contact_id, variables FROM audience_list_members WHERE list_id = $1 AND contact_id = ANY($2::uuid[]) AND variables IS NOT NULL`,
          [listId, validIds(contactIds)],
        )
      : [];
    return new Map(rows.map((r) => [r.contact_id, r.variables]));
  }
}
