import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validIds } from '../audience-sql';
import { CheckAudienceRefsQuery } from './check-audience-refs.query';

@QueryHandler(CheckAudienceRefsQuery)
export class CheckAudienceRefsHandler implements IQueryHandler<CheckAudienceRefsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ spec }: CheckAudienceRefsQuery) {
    const found: Array<{ kind: string; id: string }> = await this.db.query(
      `SELECT 'group' AS kind, id FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT 'source', id FROM sources WHERE workspace_id = $1 AND id = ANY($3::uuid[])
       UNION ALL
       SELECT 'segment', id FROM segments WHERE workspace_id = $1 AND id = ANY($4::uuid[])
       UNION ALL
       SELECT 'contact', id FROM contacts WHERE workspace_id = $1 AND id = ANY($5::uuid[])`,
      [spec.workspaceId, validIds(spec.groupIds), validIds(spec.sourceIds), validIds(spec.segmentIds), validIds(spec.contactIds)],
    );
    const has = new Set(found.map((r) => `${r.kind}:${r.id}`));
    const missing = (kind: string, ids: string[] = []) => [...new Set(ids)].filter((id) => !has.has(`${kind}:${id}`));
    return {
      missingGroups: missing('group', spec.groupIds),
      missingSources: missing('source', spec.sourceIds),
      missingSegments: missing('segment', spec.segmentIds),
      missingContacts: missing('contact', spec.contactIds),
    };
  }
}
