import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import { SourceNotFoundError } from '../domain/audience.errors';
import { SourceEntity } from './source.entity';

@Injectable()
export class SourceRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(workspaceId: string, name: string): Promise<SourceEntity> {
    const now = new Date();
    const row = Object.assign(new SourceEntity(), { id: randomUUID(), workspaceId, name, createdAt: now, updatedAt: now });
    await this.db.getRepository(SourceEntity).insert(row);
    return row;
  }

  async get(workspaceId: string, id: string): Promise<SourceEntity> {
    const row = await this.db.getRepository(SourceEntity).findOneBy({ id, workspaceId });
    if (!row) throw new SourceNotFoundError(id);
    return row;
  }

  /** Inside a transaction the source is KEY SHARE locked so it cannot vanish before contacts reference it. */
  async assertExists(workspaceId: string, id: string, m: EntityManager = this.db.manager): Promise<void> {
    const lock = m.queryRunner?.isTransactionActive ? 'FOR KEY SHARE' : '';
    const found = await m.query(`SELECT 1 FROM sources WHERE workspace_id = $1 AND id = $2 ${lock}`, [workspaceId, id]);
    if (!found.length) throw new SourceNotFoundError(id);
  }

  list(workspaceId: string, page: PageRequest): Promise<RowsPage<SourceEntity>> {
    return keysetPage(this.db.getRepository(SourceEntity).createQueryBuilder('s').where('s.workspace_id = :workspaceId', { workspaceId }), page);
  }

  /** Contacts keep existing: the foreign key nulls their source_id. */
  async delete(workspaceId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(SourceEntity).delete({ id, workspaceId });
    if (!res.affected) throw new SourceNotFoundError(id);
  }
}
