import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SegmentNotFoundError } from '../domain/audience.errors';
import type { SegmentDefinition } from '../domain/segment';
import { SegmentEntity } from './segment.entity';

export interface SegmentFields {
  name: string;
  description: string | null;
  definition: SegmentDefinition;
}

@Injectable()
export class SegmentRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(workspaceId: string, input: SegmentFields): Promise<SegmentEntity> {
    const now = new Date();
    const row = Object.assign(new SegmentEntity(), { id: randomUUID(), workspaceId, ...input, createdAt: now, updatedAt: now });
    await this.db.getRepository(SegmentEntity).insert(row);
    return row;
  }

  async get(workspaceId: string, id: string): Promise<SegmentEntity> {
    const row = await this.db.getRepository(SegmentEntity).findOneBy({ id, workspaceId });
    if (!row) throw new SegmentNotFoundError(id);
    return row;
  }

  async update(workspaceId: string, id: string, patch: Partial<SegmentFields>): Promise<SegmentEntity> {
    const res = await this.db.getRepository(SegmentEntity).update({ id, workspaceId }, { ...patch, updatedAt: new Date() });
    if (!res.affected) throw new SegmentNotFoundError(id);
    return this.get(workspaceId, id);
  }

  async delete(workspaceId: string, id: string): Promise<void> {
    const res = await this.db.getRepository(SegmentEntity).delete({ id, workspaceId });
    if (!res.affected) throw new SegmentNotFoundError(id);
  }

  list(workspaceId: string, page: PageRequest): Promise<RowsPage<SegmentEntity>> {
    return keysetPage(this.db.getRepository(SegmentEntity).createQueryBuilder('s').where('s.workspace_id = :workspaceId', { workspaceId }), page);
  }
}
