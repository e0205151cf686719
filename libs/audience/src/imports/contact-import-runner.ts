import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, QueryRunner } from 'typeorm';
import { ContactImportRepository } from '../database/contact-import.repository';
import { ContactImportSnapshot, ImportTarget, MAX_IMPORT_ROWS, resolveHeader } from '../domain/contact-import';
import { copyText, parseImportRecord } from '../domain/import-row';

/** A file the import cannot read: the import fails with this code, and retrying would not help. */
class ImportFileError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** How often (rows) the import's progress is written while the file is read. */
const PROGRESS_EVERY = 25_000;
/** COPY text is handed to Postgres in pieces of about this size rather than a stream write per row. */
const COPY_BATCH_CHARS = 256 * 1024;
const LINE_BREAKS = /\r\n|\r|\n/g;

interface Staged {
  rowsRead: number;
}

/**
 * Runs one import: the stored file is read chunk by chunk, parsed and validated row by row in Node and
 * COPYed into a temporary staging table (bad rows too, with their reason), then one set-based statement
 * upserts every good row by phone and the rejected ones become the import's errors. All of it is one
 * transaction, so a crashed or retried run leaves nothing half-imported.
 */
@Injectable()
export class ContactImportRunner {
  private readonly logger = new Logger(ContactImportRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: ContactImportRepository,
  ) {}

  async run(importId: string, lastAttempt: boolean): Promise<void> {
    const qr = this.db.createQueryRunner();
    const client = (await qr.connect()) as PoolClient;
    try {
      await qr.startTransaction();
      // Two workers given the same import (a re-queued job) must not both run it.
      const [{ locked }] = await qr.query(`SELECT pg_try_advisory_xact_lock(hashtextextended($1, 0)) AS locked`, [importId]);
      const imp = locked ? await this.imports.find(importId, qr.manager) : null;
      if (!imp || imp.status === 'completed' || imp.status === 'failed') return await qr.rollbackTransaction();
      await this.imports.progress(importId, 0, 0);
      await qr.query(`CREATE TEMP TABLE import_rows (
        line int NOT NULL, phone text, first_name text, last_name text, email text, custom_fields jsonb, opted_out boolean,
        code text, message text) ON COMMIT DROP`);
      const staged = await this.stage(client, imp);
      await qr.query(`ANALYZE import_rows`);
      await this.upsert(qr, imp, staged);
      await qr.commitTransaction();
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => undefined);
      if (!(e instanceof ImportFileError) && !lastAttempt) throw e;
      const { code, message } = e instanceof ImportFileError ? e : { code: 'INTERNAL_ERROR', message: 'The import could not be completed' };
      if (!(e instanceof ImportFileError)) this.logger.error(`contact import ${importId} failed: ${(e as Error).message}`);
      await this.db.transaction((m) => this.imports.finish(m, importId, { status: 'failed', code, message }));
    } finally {
      await qr.release();
    }
  }

  private async stage(client: PoolClient, imp: ContactImportSnapshot): Promise<Staged> {
    let bytesRead = 0;
    const imports = this.imports;
    async function* chunks() {
      for (let seq = 0; ; seq++) {
        const data = await imports.chunk(imp.id, seq);
        if (!data) return;
        bytesRead += data.length;
        yield data;
      }
    }
    const parser = parse({
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: 256 * 1024,
    });
    const rows = new StagingRows(imp.mapping, (rowsRead) => {
      if (rowsRead % PROGRESS_EVERY === 0) void this.imports.progress(imp.id, rowsRead, bytesRead).catch(() => undefined);
    });
    const copy = client.query(
      copyFrom(`COPY import_rows (line, phone, first_name, last_name, email, custom_fields, opted_out, code, message) FROM STDIN`),
    );
    try {
      await pipeline(Readable.from(chunks()), parser, rows, copy);
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      const csv = e as { code?: string; lines?: number; message: string };
      if (csv.code?.startsWith('CSV_')) throw new ImportFileError('MALFORMED_CSV', `The file is not valid CSV near line ${csv.lines}: ${csv.message}`);
      throw e;
    }
    if (rows.rowsRead === 0 && !rows.headerSeen) throw new ImportFileError('MISSING_HEADER', 'The file has no header row');
    return { rowsRead: rows.rowsRead };
  }

  private async upsert(qr: QueryRunner, imp: ContactImportSnapshot, staged: Staged): Promise<void> {
    // Rejected rows, and every later row of a phone that appeared earlier in the file (one statement cannot
    // upsert the same contact twice, and letting one silently win would hide the problem).
    await qr.query(
      `INSERT INTO contact_import_errors (import_id, line, code, message, phone)
       SELECT $1::uuid, line, code, message, left(phone, 64) FROM import_rows WHERE code IS NOT NULL
       UNION ALL
       SELECT $1::uuid, line, 'DUPLICATE_PHONE', phone || ' already appears on line ' || first, phone
         FROM (SELECT line, phone, min(line) OVER (PARTITION BY phone) AS first FROM import_rows WHERE code IS NULL) d
        WHERE line <> first`,
      [imp.id],
    );
    // Empty cells propose NULL and keep the stored value; custom fields merge into the stored ones; a file can
    // opt a contact out but never back in (a spreadsheet is no proof of renewed consent). A row that changes
    // nothing is not written at all, so re-importing a file costs a read and leaves updated_at alone.
    const [counts]: Array<{ created: number; updated: number; good: number }> = await qr.query(
      `WITH good AS (SELECT DISTINCT ON (phone) * FROM import_rows WHERE code IS NULL ORDER BY phone, line),
       up AS (
         INSERT INTO contacts AS c (id, workspace_id, phone, first_name, last_name, email, custom_fields, source_id, opted_out, created_at, updated_at)
         SELECT gen_random_uuid(), $1::uuid, g.phone, g.first_name, g.last_name, g.email, g.custom_fields,
                (SELECT s.id FROM sources s WHERE s.id = $2::uuid AND s.workspace_id = $1::uuid), COALESCE(g.opted_out, false), now(), now()
           FROM good g ORDER BY g.phone
         ON CONFLICT (workspace_id, phone) DO UPDATE SET
           first_name = COALESCE(EXCLUDED.first_name, c.first_name),
           last_name = COALESCE(EXCLUDED.last_name, c.last_name),
           email = COALESCE(EXCLUDED.email, c.email),
           custom_fields = CASE WHEN EXCLUDED.custom_fields IS NULL THEN c.custom_fields ELSE COALESCE(c.custom_fields, '{}') || EXCLUDED.custom_fields END,
           source_id = COALESCE(EXCLUDED.source_id, c.source_id),
           opted_out = c.opted_out OR EXCLUDED.opted_out,
           updated_at = EXCLUDED.updated_at
         WHERE (EXCLUDED.first_name IS NOT NULL AND EXCLUDED.first_name IS DISTINCT FROM c.first_name)
            OR (EXCLUDED.last_name IS NOT NULL AND EXCLUDED.last_name IS DISTINCT FROM c.last_name)
            OR (EXCLUDED.email IS NOT NULL AND EXCLUDED.email IS DISTINCT FROM c.email)
            OR (EXCLUDED.custom_fields IS NOT NULL AND NOT COALESCE(c.custom_fields, '{}') @> EXCLUDED.custom_fields)
            OR (EXCLUDED.source_id IS NOT NULL AND EXCLUDED.source_id IS DISTINCT FROM c.source_id)
            OR (EXCLUDED.opted_out AND NOT c.opted_out)
         RETURNING (c.xmax = 0) AS inserted)
       SELECT count(*) FILTER (WHERE inserted)::int AS created, count(*) FILTER (WHERE NOT inserted)::int AS updated,
              (SELECT count(*) FROM good)::int AS good
         FROM up`,
      [imp.workspaceId, imp.sourceId],
    );
    if (imp.groupIds.length) {
      await qr.query(
        `INSERT INTO group_members (group_id, contact_id)
         SELECT DISTINCT g.id, c.id FROM import_rows r
           JOIN contacts c ON c.workspace_id = $1 AND c.phone = r.phone
           CROSS JOIN (SELECT id FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[])) g
          WHERE r.code IS NULL
          ORDER BY 1, 2
         ON CONFLICT DO NOTHING`,
        [imp.workspaceId, imp.groupIds],
      );
    }
    await this.imports.finish(qr.manager, imp.id, {
      status: 'completed',
      created: counts.created,
      updated: counts.updated,
      unchanged: counts.good - counts.created - counts.updated,
      rejected: staged.rowsRead - counts.good,
      rowsRead: staged.rowsRead,
    });
  }
}

/** csv-parse records in, COPY text out: the header row fixes each column's target, every later row is staged. */
class StagingRows extends Transform {
  rowsRead = 0;
  headerSeen = false;
  private targets: ImportTarget[] = [];
  private phoneColumn = -1;
  private batch = '';

  constructor(
    private readonly mapping: Record<string, ImportTarget> | null,
    private readonly onRow: (rowsRead: number) => void,
  ) {
    super({ writableObjectMode: true, readableObjectMode: false, writableHighWaterMark: 1024 });
  }

  override _transform({ record, info }: { record: string[]; info: { lines: number } }, _enc: string, done: TransformCallback) {
    if (!this.headerSeen) {
      this.headerSeen = true;
      const header = resolveHeader(record, this.mapping);
      if ('problem' in header) return done(new ImportFileError('INVALID_HEADER', header.problem));
      this.targets = header.targets;
      this.phoneColumn = header.targets.indexOf('phone');
      return done();
    }
    if (++this.rowsRead > MAX_IMPORT_ROWS) return done(new ImportFileError('TOO_MANY_ROWS', `The file has more than ${MAX_IMPORT_ROWS.toLocaleString('en')} rows`));
    // csv-parse counts the line a record ends on; a quoted cell with line breaks started it earlier.
    let breaks = 0;
    for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) breaks += cell.match(LINE_BREAKS)!.length;
    const line = info.lines - breaks;
    const row = parseImportRecord(record, this.targets);
    const fields = row.ok
      ? [line, row.phone, row.firstName, row.lastName, row.email, row.customFields, row.optedOut, null, null]
      : [line, (record[this.phoneColumn] ?? '').replace(/\u0000/g, '').slice(0, 64) || null, null, null, null, null, null, row.code, row.message];
    this.batch += `${fields.map(copyText).join('\t')}\n`;
    this.onRow(this.rowsRead);
    if (this.batch.length >= COPY_BATCH_CHARS) {
      this.push(this.batch);
      this.batch = '';
    }
    done();
  }

  override _flush(done: TransformCallback) {
    if (this.batch) this.push(this.batch);
    done();
  }
}
