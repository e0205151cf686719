import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { parse } from 'csv-parse';
import { Readable, Transform, TransformCallback, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource, QueryRunner } from 'typeorm';
import { Env, prefixedUuidSql, uuidPrefix } from '@app/platform';
import { ContactImportRepository } from '../database/contact-import.repository';
import { ContactImportSnapshot, ImportTarget, resolveHeader } from '../domain/contact-import';
import { copyText, parseImportRecord } from '../domain/import-row';
import { PhoneLineSet } from './phone-line-set';

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
/**
 * Rows upserted per statement. While Postgres upserts one batch, Node parses and validates the next, so
 * the two cores work at once instead of one after the other.
 */
const BATCH_ROWS = 50_000;
/** A batch's first buffer: room for 50,000 rows of ~130 bytes, grown when rows are wider. */
const BATCH_BYTES = 8 * 1024 * 1024;
const SLICE_BYTES = 64 * 1024;
const LINE_BREAKS = /\r\n|\r|\n/g;

interface Batch {
  /** The batch's rows in COPY text format. */
  text: Buffer;
  rows: number;
}

interface Counts {
  rowsRead: number;
  created: number;
  updated: number;
  good: number;
}

/**
 * Runs one import: the stored file is read chunk by chunk, parsed and validated row by row in Node, and
 * every batch of rows is COPYed into a temporary staging table (bad rows too, with their reason) and
 * upserted from there by one set-based statement, its rejected rows becoming the import's errors. All of
 * it is one transaction, so a crashed or retried run leaves nothing half-imported.
 */
@Injectable()
export class ContactImportRunner {
  private readonly logger = new Logger(ContactImportRunner.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly imports: ContactImportRepository,
    private readonly env: Env,
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
      await qr.query(`CREATE TEMP TABLE import_batch (
        line int NOT NULL, phone text, first_name text, last_name text, email text, custom_fields jsonb, opted_out boolean,
        code text, message text) ON COMMIT DROP`);
      const counts = await this.importFile(qr, client, imp);
      await this.imports.finish(qr.manager, imp.id, {
        status: 'completed',
        created: counts.created,
        updated: counts.updated,
        unchanged: counts.good - counts.created - counts.updated,
        rejected: counts.rowsRead - counts.good,
        rowsRead: counts.rowsRead,
      });
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

  private async importFile(qr: QueryRunner, client: PoolClient, imp: ContactImportSnapshot): Promise<Counts> {
    let bytesRead = 0;
    const imports = this.imports;
    async function* chunks() {
      for (let seq = 0; ; seq++) {
        const data = await imports.chunk(imp.id, seq);
        if (!data) return;
        bytesRead += data.length;
        // A stored chunk is parsed in slices, each in its own turn of the event loop: parsed whole, it would
        // hold the loop for a fifth of a second, and the COPY of the previous batch waits on the loop.
        for (let i = 0; i < data.length; i += SLICE_BYTES) {
          yield data.subarray(i, i + SLICE_BYTES);
          await new Promise(setImmediate);
        }
      }
    }
    const parser = parse({
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      record_delimiter: ['\r\n', '\n', '\r'],
      max_record_size: 256 * 1024,
    });
    // A row with a phone takes at least 7 bytes ("+", 5 digits, a line break; real numbers are longer).
    const phones = Math.min(this.env.CONTACT_IMPORT_MAX_ROWS, Math.ceil(imp.bytesTotal / 7));
    const rows = new StagingRows(imp.mapping, this.env.CONTACT_IMPORT_MAX_ROWS, phones, (rowsRead) => {
      if (rowsRead % PROGRESS_EVERY === 0) void this.imports.progress(imp.id, rowsRead, bytesRead).catch(() => undefined);
    });
    const counts: Counts = { rowsRead: 0, created: 0, updated: 0, good: 0 };
    const upserts = new Writable({
      objectMode: true,
      highWaterMark: 1,
      write: (batch: Batch, _enc, done) => {
        this.upsertBatch(qr, client, imp, batch).then((c) => {
          counts.created += c.created;
          counts.updated += c.updated;
          counts.good += c.good;
          done();
        }, done);
      },
    });
    try {
      await pipeline(Readable.from(chunks()), parser, rows, upserts);
    } catch (e) {
      if (e instanceof ImportFileError) throw e;
      const csv = e as { code?: string; lines?: number; message: string };
      if (csv.code?.startsWith('CSV_')) throw new ImportFileError('MALFORMED_CSV', `The file is not valid CSV near line ${csv.lines}: ${csv.message}`);
      throw e;
    }
    if (!rows.headerSeen) throw new ImportFileError('MISSING_HEADER', 'The file has no header row');
    return { ...counts, rowsRead: rows.rowsRead };
  }

  /**
   * One batch: staged by COPY, its rejected rows recorded as errors, its good rows upserted by phone. Empty
   * cells propose NULL and keep the stored value; custom fields merge into the stored ones; a file can opt a
   * contact out but never back in (a spreadsheet is no proof of renewed consent). A row that changes nothing
   * is not written at all, so re-importing a file costs a read and leaves updated_at alone. Phones are
   * distinct across the whole file (later repeats were rejected while parsing).
   */
  private async upsertBatch(qr: QueryRunner, client: PoolClient, imp: ContactImportSnapshot, batch: Batch) {
    await qr.query(`TRUNCATE import_batch`);
    const copy = client.query(copyFrom(`COPY import_batch (line, phone, first_name, last_name, email, custom_fields, opted_out, code, message) FROM STDIN`));
    await pipeline(Readable.from([batch.text]), copy);
    await qr.query(
      `INSERT INTO contact_import_errors (import_id, line, code, message, phone)
       SELECT $1, line, code, message, left(phone, 64) FROM import_batch WHERE code IS NOT NULL`,
      [imp.id],
    );
    const [counts]: Array<{ created: number; updated: number; good: number }> = await qr.query(
      `WITH up AS (
         INSERT INTO contacts AS c (id, workspace_id, phone, first_name, last_name, email, custom_fields, source_id, opted_out, created_at, updated_at)
         SELECT ${prefixedUuidSql('$3', 'b.line')}, $1::uuid, b.phone, b.first_name, b.last_name, b.email, b.custom_fields,
                (SELECT s.id FROM sources s WHERE s.id = $2::uuid AND s.workspace_id = $1::uuid), COALESCE(b.opted_out, false), now(), now()
           FROM import_batch b WHERE b.code IS NULL ORDER BY b.phone
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
              (SELECT count(*) FROM import_batch WHERE code IS NULL)::int AS good
         FROM up`,
      [imp.workspaceId, imp.sourceId, uuidPrefix()],
    );
    if (imp.groupIds.length) {
      await qr.query(
        `INSERT INTO group_members (group_id, contact_id)
         SELECT g.id, c.id FROM import_batch b
           JOIN contacts c ON c.workspace_id = $1 AND c.phone = b.phone
           CROSS JOIN (SELECT id FROM groups WHERE workspace_id = $1 AND id = ANY($2::uuid[])) g
          WHERE b.code IS NULL
          ORDER BY 1, 2
         ON CONFLICT DO NOTHING`,
        [imp.workspaceId, imp.groupIds],
      );
    }
    return counts;
  }
}

/**
 * csv-parse records in, batches of COPY text out: the header row fixes each column's target, every later
 * row is validated, and a phone already seen on an earlier line is rejected as a duplicate (one statement
 * cannot upsert the same contact twice, and letting one row silently win would hide the problem).
 */
class StagingRows extends Transform {
  rowsRead = 0;
  headerSeen = false;
  private targets: ImportTarget[] = [];
  private phoneColumn = -1;
  /**
   * The batch's COPY text, written row by row into a buffer outside the JS heap: a string grown by 50,000
   * appends lives long enough to be copied into the old generation, and collecting it cost a tenth of
   * the import's CPU.
   */
  private text = Buffer.allocUnsafe(BATCH_BYTES);
  private bytes = 0;
  private rows = 0;
  /** The line the next record starts on (csv-parse's own record info costs a tenth of the parsing). */
  private line = 1;
  private readonly seen: PhoneLineSet;

  constructor(
    private readonly mapping: Record<string, ImportTarget> | null,
    private readonly maxRows: number,
    maxPhones: number,
    private readonly onRow: (rowsRead: number) => void,
  ) {
    super({ writableObjectMode: true, readableObjectMode: true, writableHighWaterMark: 1024, readableHighWaterMark: 1 });
    this.seen = new PhoneLineSet(maxPhones);
  }

  override _transform(record: string[], _enc: string, done: TransformCallback) {
    const line = this.line;
    // A quoted cell with line breaks makes its record span several lines.
    for (const cell of record) if (cell.includes('\n') || cell.includes('\r')) this.line += cell.match(LINE_BREAKS)!.length;
    this.line++;
    if (record.length === 1 && !record[0].trim()) return done();
    if (!this.headerSeen) {
      this.headerSeen = true;
      const header = resolveHeader(record, this.mapping);
      if ('problem' in header) return done(new ImportFileError('INVALID_HEADER', header.problem));
      this.targets = header.targets;
      this.phoneColumn = header.targets.indexOf('phone');
      return done();
    }
    if (++this.rowsRead > this.maxRows) return done(new ImportFileError('TOO_MANY_ROWS', `The file has more than ${this.maxRows.toLocaleString('en')} rows`));
    const row = parseImportRecord(record, this.targets);
    const first = row.ok ? this.seen.firstLine(row.phone, line) : 0;
    const fields = row.ok && !first
      ? [line, row.phone, row.firstName, row.lastName, row.email, row.customFields, row.optedOut, null, null]
      : row.ok
        ? [line, row.phone, null, null, null, null, null, 'DUPLICATE_PHONE', `${row.phone} already appears on line ${first}`]
        : [line, (record[this.phoneColumn] ?? '').replace(/\u0000/g, '').slice(0, 64) || null, null, null, null, null, null, row.code, row.message];
    this.append(`${fields.map(copyText).join('\t')}\n`);
    this.onRow(this.rowsRead);
    if (++this.rows >= BATCH_ROWS) this.flushBatch();
    done();
  }

  override _flush(done: TransformCallback) {
    this.flushBatch();
    done();
  }

  private append(row: string) {
    const needed = this.bytes + Buffer.byteLength(row);
    if (needed > this.text.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.text.length * 2, needed));
      this.text.copy(grown, 0, 0, this.bytes);
      this.text = grown;
    }
    this.bytes += this.text.write(row, this.bytes);
  }

  private flushBatch() {
    if (this.rows) this.push({ text: this.text.subarray(0, this.bytes), rows: this.rows } satisfies Batch);
    this.text = Buffer.allocUnsafe(BATCH_BYTES);
    this.bytes = 0;
    this.rows = 0;
  }
}
