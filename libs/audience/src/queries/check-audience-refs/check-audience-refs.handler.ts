import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validIds } from '../audience-sql';
import { CheckAudienceRefsQuery } from './check-audience-refs.query';

@QueryHandler(CheckAudienceRefsQuery)
export class CheckAudienceRefsHandler implements IQueryHandler<CheckAudienceRefsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ spec }: CheckAudienceRefsQuery) {
    const found: Array<{ kind: 'group' | 'source'; id: string }> = await this.db.query(
      `SELECT 'group' AS kind, id FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT 'source', id FROM sources WHERE workspace_id = $1 AND id = ANY($3::uuid[])`,
      [spec.workspaceId, validIds(spec.groupIds), validIds(spec.sourceIds)],
    );
    const has = new Set(found.map((r) => `${r.kind}:${r.id}`));
    const missing = (kind: string, ids: string[]) => [...new Set(ids)].filter((id) => !has.has(`${kind}:${id}`));
    return { missingGroups: missing('group', spec.groupIds), missingSources: missing('source', spec.sourceIds) };
  }
}
