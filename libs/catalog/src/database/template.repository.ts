import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { TemplateAlreadyExistsError } from '../domain/catalog.errors';
import type { TemplateStatus } from '../queries/get-template/get-template.query';
import { TemplateEntity } from './template.entity';
import { violatedUniqueConstraint } from './unique-violation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface TemplateListFilter {
  statuses?: TemplateStatus[];
  name?: string;
  language?: string;
}

export interface ChangedTemplate {
  workspaceId: string;
  templateId: string;
  status: TemplateStatus;
  reason: string | null;
}

@Injectable()
export class TemplateRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findById(workspaceId: string, id: string): Promise<TemplateEntity | null> {
    return this.db.getRepository(TemplateEntity).findOneBy({ workspaceId, id });
  }

  /**
   * By our UUID or by Meta's id, in one round trip (every campaign read asks); a Meta id is never a UUID, so
   * the two cannot collide, and were one ever to, our id wins.
   */
  async findByIdOrMetaId(workspaceId: string, idOrMetaId: string): Promise<TemplateEntity | null> {
    const repo = this.db.getRepository(TemplateEntity);
    if (!UUID.test(idOrMetaId)) return repo.findOneBy({ workspaceId, metaTemplateId: idOrMetaId });
    const rows = await repo.find({ where: [{ workspaceId, id: idOrMetaId }, { workspaceId, metaTemplateId: idOrMetaId }], take: 2 });
    return rows.find((r) => r.id === idOrMetaId) ?? rows[0] ?? null;
  }

  async list(workspaceId: string, f: TemplateListFilter, page: PageRequest): Promise<RowsPage<TemplateEntity>> {
    const qb = this.db.getRepository(TemplateEntity).createQueryBuilder('t').where('t.workspace_id = :workspaceId', { workspaceId });
    if (f.statuses?.length) qb.andWhere('t.status IN (:...statuses)', { statuses: f.statuses });
    if (f.name) qb.andWhere('t.name = :name', { name: f.name });
    if (f.language) qb.andWhere('t.language = :language', { language: f.language });
    return keysetPage(qb, page);
  }

  async insert(row: TemplateEntity, manager: EntityManager = this.db.manager): Promise<void> {
    try {
      await manager.insert(TemplateEntity, row);
    } catch (err) {
      throw this.conflict(err, row) ?? err;
    }
  }

  async update(row: TemplateEntity, manager: EntityManager): Promise<void> {
    try {
      await manager.update(TemplateEntity, { id: row.id, workspaceId: row.workspaceId }, row);
    } catch (err) {
      throw this.conflict(err, row) ?? err;
    }
  }

  /**
   * Runs `work` in a transaction that holds the workspace's template lock, so two syncs (or a sync and
   * a status update) never race on the same rows.
   */
  inWorkspaceLock<T>(workspaceId: string, work: (m: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('catalog.templates'), hashtext($1))`, [workspaceId]);
      return work(m);
    });
  }

  findAllIn(m: EntityManager, workspaceId: string): Promise<TemplateEntity[]> {
    return m.getRepository(TemplateEntity).findBy({ workspaceId });
  }

  /**
   * Applies a status Meta reported for a template of a WABA to every workspace owning a channel of
   * that WABA. A template matches by Meta id, or by name and language when it was registered without
   * one (it then adopts the Meta id). Returns only the templates whose status actually changed.
   */
  async applyStatus(u: {
    workspaceIds: string[];
    at: Date;
    metaTemplateId: string | null;
    name: string | null;
    language: string | null;
    status: TemplateStatus;
    reason: string | null;
  }): Promise<ChangedTemplate[]> {
    // TypeORM answers an UPDATE with [rows, rowCount].
    const [rows]: [Array<{ id: string; workspace_id: string }>, number] = await this.db.query(
      `WITH matched AS (
         SELECT t.id FROM templates t
          WHERE t.workspace_id = ANY($1::uuid[])
            AND (($2::text IS NOT NULL AND t.meta_template_id = $2)
                 OR (t.meta_template_id IS NULL AND t.name = $3 AND t.language = $4
                     AND NOT EXISTS (SELECT 1 FROM templates x WHERE x.workspace_id = t.workspace_id AND x.meta_template_id = $2))))
       UPDATE templates t
          SET status = $5, status_reason = $6, meta_template_id = COALESCE(t.meta_template_id, $2), status_event_at = $7, updated_at = now()
         FROM matched
        WHERE t.id = matched.id AND t.status IS DISTINCT FROM $5 AND (t.status_event_at IS NULL OR t.status_event_at <= $7)
       RETURNING t.id, t.workspace_id`,
      [u.workspaceIds, u.metaTemplateId, u.name, u.language, u.status, u.reason, u.at],
    );
    return rows.map((r) => ({ workspaceId: r.workspace_id, templateId: r.id, status: u.status, reason: u.reason }));
  }

  private conflict(err: unknown, row: TemplateEntity): TemplateAlreadyExistsError | null {
    switch (violatedUniqueConstraint(err)) {
      case null:
        return null;
      case 'templates_workspace_meta_id_key':
        return new TemplateAlreadyExistsError(`A template with meta_template_id ${row.metaTemplateId} already exists in this workspace`, {
          meta_template_id: row.metaTemplateId,
        });
      default:
        return new TemplateAlreadyExistsError(`Template ${row.name} (${row.language}) already exists in this workspace`, {
          name: row.name,
          language: row.language,
        });
    }
  }
}
