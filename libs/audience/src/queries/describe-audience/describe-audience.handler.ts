import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { validIds } from '../audience-sql';
import { AudienceRow, DescribeAudienceQuery } from './describe-audience.query';

@QueryHandler(DescribeAudienceQuery)
export class DescribeAudienceHandler implements IQueryHandler<DescribeAudienceQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ spec }: DescribeAudienceQuery): Promise<AudienceRow[]> {
    if (!spec.groupIds.length && !spec.sourceIds.length && !spec.segmentIds?.length) return [];
    const rows: Array<{ kind: AudienceRow['type']; id: string; name: string; n: number | null }> = await this.db.query(
      `SELECT 'group' AS kind, id, name, member_count AS n FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[])
       UNION ALL
       SELECT 'source', s.id, s.name, (SELECT count(*) FROM contacts c WHERE c.source_id = s.id)::int
         FROM sources s WHERE s.workspace_id = $1 AND s.id = ANY($3::uuid[])
       UNION ALL
       SELECT 'segment', id, name, NULL FROM segments WHERE workspace_id = $1 AND id = ANY($4::uuid[])`,
      [spec.workspaceId, validIds(spec.groupIds), validIds(spec.sourceIds), validIds(spec.segmentIds)],
    );
    const byKey = new Map(rows.map((r) => [`${r.kind}:${r.id}`, r]));
    const describe = (type: AudienceRow['type']) => (id: string) => {
      const r = byKey.get(`${type}:${id}`);
      return { type, id, name: r?.name ?? null, contact_count: r ? r.n : null };
    };
    return [...spec.groupIds.map(describe('group')), ...spec.sourceIds.map(describe('source')), ...(spec.segmentIds ?? []).map(describe('segment'))];
  }
}
