import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { GroupNotFoundError } from '../domain/audience.errors';
import { GroupEntity } from './group.entity';

@Injectable()
export class GroupRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(workspaceId: string, input: { name: string; description: string | null }): Promise<GroupEntity> {
    const now = new Date();
    const row = Object.assign(new GroupEntity(), { id: randomUUID(), workspaceId, ...input, createdAt: now, updatedAt: now });
    await this.db.getRepository(GroupEntity).insert(row);
    return { ...row, memberCount: 0 };
  }

  async get(workspaceId: string, id: string): Promise<GroupEntity> {
    const row = await this.db.getRepository(GroupEntity).findOneBy({ id, workspaceId });
    if (!row) throw new GroupNotFoundError([id]);
    return row;
  }

  /**
   * Throws GROUP_NOT_FOUND unless every id is a group of the workspace. Inside a transaction the
   * groups are KEY SHARE locked, so none can be deleted before the caller's writes reference them.
   */
  async assertExist(workspaceId: string, ids: string[], m: EntityManager = this.db.manager): Promise<void> {
    const unique = [...new Set(ids)];
    if (!unique.length) return;
    const lock = m.queryRunner?.isTransactionActive ? 'FOR KEY SHARE' : '';
    const found: Array<{ id: string }> = await m.query(
      `SELECT id FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[]) ${lock}`,
      [workspaceId, unique],
    );
    const have = new Set(found.map((r) => r.id));
    const missing = unique.filter((id) => !have.has(id));
    if (missing.length) throw new GroupNotFoundError(missing);
  }

  async update(workspaceId: string, id: string, patch: { name?: string; description?: string | null }): Promise<GroupEntity> {
    const res = await this.db.getRepository(GroupEntity).update({ id, workspaceId }, { ...patch, updatedAt: new Date() });
    if (!res.affected) throw new GroupNotFoundError([id]);
    return this.get(workspaceId, id);
  }

  list(workspaceId: string, page: PageRequest): Promise<RowsPage<GroupEntity>> {
    return keysetPage(this.db.getRepository(GroupEntity).createQueryBuilder('g').where('g.workspace_id = :workspaceId', { workspaceId }), page);
  }

  async findMany(workspaceId: string, ids: string[]): Promise<GroupEntity[]> {
    return ids.length ? this.db.getRepository(GroupEntity).findBy({ workspaceId, id: In(ids) }) : [];
  }

  /** Memberships go with the group (cascade); contacts stay. */
  async delete(workspaceId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(GroupEntity).delete({ id, workspaceId });
    if (!res.affected) throw new GroupNotFoundError([id]);
  }

  /**
   * Adds the workspace's contacts among `contactIds` and `phones` to the group; reports the ones that
   * are not contacts of the workspace and those that were members already.
   */
  async addMembers(workspaceId: string, groupId: string, contactIds: string[], phones: string[]) {
    return this.db.transaction(async (m) => {
      await this.assertExist(workspaceId, [groupId], m);
      const rows: Array<{ id: string; phone: string; added: boolean }> = await m.query(
        `WITH wanted AS (
           SELECT c.id, c.phone FROM contacts c
            WHERE c.workspace_id = $1 AND (c.id = ANY($3::uuid[]) OR c.phone = ANY($4::text[]))),
         ins AS (
           INSERT INTO group_members (group_id, contact_id) SELECT $2, id FROM wanted ORDER BY id
           ON CONFLICT DO NOTHING RETURNING contact_id)
         SELECT w.id, w.phone, (ins.contact_id IS NOT NULL) AS added FROM wanted w LEFT JOIN ins ON ins.contact_id = w.id`,
        [workspaceId, groupId, contactIds, phones],
      );
      const ids = new Set(rows.map((r) => r.id));
      const known = new Set(rows.map((r) => r.phone));
      return {
        added: rows.filter((r) => r.added).length,
        alreadyMembers: rows.filter((r) => !r.added).length,
        missingContactIds: contactIds.filter((id) => !ids.has(id)),
        missingPhones: phones.filter((p) => !known.has(p)),
      };
    });
  }

  async removeMembers(workspaceId: string, groupId: string, contactIds: string[]) {
    return this.db.transaction(async (m) => {
      await this.assertExist(workspaceId, [groupId], m);
      const removed: Array<{ contact_id: string }> = await m.query(
        // Wrapped in a SELECT: TypeORM answers a bare DELETE … RETURNING with [rows, count].
        `WITH d AS (DELETE FROM group_members WHERE group_id = $1 AND contact_id = ANY($2::uuid[]) RETURNING contact_id)
         SELECT contact_id FROM d`,
        [groupId, contactIds],
      );
      const gone = new Set(removed.map((r) => r.contact_id));
      return { removed: gone.size, notMembers: contactIds.filter((id) => !gone.has(id)) };
    });
  }
}
