import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { InvalidSegmentError } from '../domain/audience.errors';
import { SegmentDefinition, segmentProblems, segmentRefs } from '../domain/segment';

/** Validates a segment definition for create and update: its shape, then that its groups and sources exist here. */
@Injectable()
export class SegmentDefinitions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async validate(workspaceId: string, def: { match?: unknown; conditions?: unknown }): Promise<SegmentDefinition> {
    const problems = segmentProblems(def);
    if (problems.length) throw new InvalidSegmentError(problems);
    const valid = { match: def.match, conditions: def.conditions } as SegmentDefinition;
    const refs = segmentRefs(valid);
    if (refs.length) {
      const found: Array<{ kind: string; id: string }> = await this.db.query(
        `SELECT 'group' AS kind, id FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[])
         UNION ALL SELECT 'source', id FROM sources WHERE workspace_id = $1 AND id = ANY($3::uuid[])`,
        [workspaceId, refs.filter((r) => r.kind === 'group').flatMap((r) => r.ids), refs.filter((r) => r.kind === 'source').flatMap((r) => r.ids)],
      );
      const have = new Set(found.map((f) => `${f.kind}:${f.id}`));
      const missing = refs.flatMap((r) => {
        const gone = r.ids.filter((id) => !have.has(`${r.kind}:${id}`));
        return gone.length ? [{ condition: r.condition, message: `${r.kind} ${gone.join(', ')} not found` }] : [];
      });
      if (missing.length) throw new InvalidSegmentError(missing);
    }
    return valid;
  }
}
