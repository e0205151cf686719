import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { recordOutboxEvents } from '@app/platform';
import { DataSource, EntityManager } from 'typeorm';
import { ImportNotFoundError } from '../domain/audience.errors';
import { CONTACT_IMPORT_EVENTS, contactImportPayload, ContactImportSnapshot, ImportTarget } from '../domain/contact-import';

export interface ImportErrorRow {
  line: number;
  code: string;
  message: string;
  phone: string | null;
}

const COLUMNS = `id, workspace_id, status, file_name, bytes_total::float8 AS bytes_total, bytes_read::float8 AS bytes_read, group_ids, source_id,
  mapping, rows_read, created, updated, unchanged, rejected, error_code, error_message, created_at, updated_at, completed_at`;

function toSnapshot(r: Record<string, any>): ContactImportSnapshot {
  return {
    id: r.id,
    workspaceId: r.workspace_id,
    status: r.status,
    fileName: r.file_name,
    bytesTotal: r.bytes_total,
    bytesRead: r.bytes_read,
    groupIds: r.group_ids,
    sourceId: r.source_id,
    mapping: r.mapping,
    rowsRead: r.rows_read,
    created: r.created,
    updated: r.updated,
    unchanged: r.unchanged,
    rejected: r.rejected,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    completedAt: r.completed_at,
  };
}

@Injectable()
export class ContactImportRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async create(i: { id: string; workspaceId: string; fileName: string | null; groupIds: string[]; sourceId: string | null; mapping: Record<string, ImportTarget> | null }) {
    await this.db.query(
      `INSERT INTO contact_imports (id, workspace_id, status, file_name, group_ids, source_id, mapping, created_at, updated_at)
       VALUES ($1, $2, 'queued', $3, $4::uuid[], $5, $6::jsonb, now(), now())`,
      [i.id, i.workspaceId, i.fileName, i.groupIds, i.sourceId, i.mapping === null ? null : JSON.stringify(i.mapping)],
    );
  }

  appendChunk(importId: string, seq: number, data: Buffer) {
    return this.db.query(`INSERT INTO contact_import_chunks (import_id, seq, data) VALUES ($1, $2, $3)`, [importId, seq, data]);
  }

  setSize(importId: string, bytes: number) {
    return this.db.query(`UPDATE contact_imports SET bytes_total = $2, updated_at = now() WHERE id = $1`, [importId, bytes]);
  }

  /** An upload that never finished leaves nothing behind (its chunks go with it). */
  discard(importId: string) {
    return this.db.query(`DELETE FROM contact_imports WHERE id = $1`, [importId]);
  }

  async get(workspaceId: string, id: string, m: EntityManager = this.db.manager): Promise<ContactImportSnapshot> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM contact_imports WHERE id = $1 AND workspace_id = $2`, [id, workspaceId]);
    if (!row) throw new ImportNotFoundError(id);
    return toSnapshot(row);
  }

  async find(id: string, m: EntityManager = this.db.manager): Promise<ContactImportSnapshot | null> {
    const [row] = await m.query(`SELECT ${COLUMNS} FROM contact_imports WHERE id = $1`, [id]);
    return row ? toSnapshot(row) : null;
  }

  chunk(importId: string, seq: number): Promise<Buffer | null> {
    return this.db.query(`SELECT data FROM contact_import_chunks WHERE import_id = $1 AND seq = $2`, [importId, seq]).then((r) => r[0]?.data ?? null);
  }

  /** Never moves a settled import back: a late progress write must not undo its outcome. */
  progress(importId: string, rowsRead: number, bytesRead: number) {
    return this.db.query(
      `UPDATE contact_imports SET status = 'processing', rows_read = $2, bytes_read = $3, updated_at = now()
        WHERE id = $1 AND status IN ('queued', 'processing')`,
      [importId, rowsRead, bytesRead],
    );
  }

  /** Imports waiting longer than `staleMs` without a sign of life: their job was lost with Redis or its worker. */
  async stale(staleMs: number, limit: number): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(
      `SELECT id FROM contact_imports WHERE status IN ('queued', 'processing') AND updated_at < now() - $1 * interval '1 millisecond' ORDER BY updated_at LIMIT $2`,
      [staleMs, limit],
    );
    return rows.map((r) => r.id);
  }

  /** Settles the import and records its webhook event in the caller's transaction. */
  async finish(
    m: EntityManager,
    id: string,
    outcome: { status: 'completed'; created: number; updated: number; unchanged: number; rejected: number; rowsRead: number } | { status: 'failed'; code: string; message: string },
  ) {
    if (outcome.status === 'completed') {
      await m.query(
        `UPDATE contact_imports SET status = 'completed', created = $2, updated = $3, unchanged = $4, rejected = $5, rows_read = $6,
            bytes_read = bytes_total, updated_at = now(), completed_at = now() WHERE id = $1`,
        [id, outcome.created, outcome.updated, outcome.unchanged, outcome.rejected, outcome.rowsRead],
      );
    } else {
      await m.query(
        `UPDATE contact_imports SET status = 'failed', error_code = $2, error_message = $3, updated_at = now(), completed_at = now() WHERE id = $1`,
        [id, outcome.code, outcome.message],
      );
    }
    await m.query(`DELETE FROM contact_import_chunks WHERE import_id = $1`, [id]);
    const snapshot = (await this.find(id, m))!;
    await recordOutboxEvents(m, [
      { workspaceId: snapshot.workspaceId, type: CONTACT_IMPORT_EVENTS[outcome.status], aggregateId: id, payload: contactImportPayload(snapshot) },
    ]);
  }

  /** Rejected rows by line, from `afterLine` (exclusive). */
  errors(importId: string, afterLine: number, limit: number): Promise<ImportErrorRow[]> {
    return this.db.query(
      `SELECT line, code, message, phone FROM contact_import_errors WHERE import_id = $1 AND line > $2 ORDER BY line LIMIT $3`,
      [importId, afterLine, limit],
    );
  }
}
