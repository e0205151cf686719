import type { KeysetPosition } from '@app/platform';
import type { DataSource, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * A workspace's rows of a table newest first, one more than `limit` (so the caller knows a next page
 * exists), after the keyset position of the previous page; callers may add their own filters on `alias`.
 */
export function newestFirst<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  workspaceId: string,
  after: KeysetPosition | null,
  limit: number,
  alias = 'r',
): SelectQueryBuilder<T> {
  const qb = db
    .getRepository(entity)
    .createQueryBuilder(alias)
    .where(`${alias}.workspace_id = :workspaceId`, { workspaceId })
    .orderBy(`${alias}.created_at`, 'DESC')
    .addOrderBy(`${alias}.id`, 'DESC')
    .limit(limit + 1);
  if (after) qb.andWhere(`(${alias}.created_at, ${alias}.id) < (:createdAt, :id)`, after);
  return qb;
}
