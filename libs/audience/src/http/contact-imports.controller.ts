import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query, Req, StreamableFile } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiBody, ApiConsumes, ApiExtraModels, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, getSchemaPath } from '@nestjs/swagger';
import busboy from 'busboy';
import type { Request } from 'express';
import { Readable } from 'node:stream';
import { ApiErrors, BadRequestError, csvLine, DomainError, decodeSeqCursor, encodeSeqCursor, PageQueryDto, Scopes, WorkspaceId } from '@app/platform';
import { StartContactImportCommand } from '../commands/start-contact-import/start-contact-import.command';
import { ImportIdPipe, InvalidImportError, UnsupportedImportTypeError } from '../domain/audience.errors';
import { contactImportPayload, ImportTarget, importMappingProblems, MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../domain/contact-import';
import { GetContactImportQuery } from '../queries/get-contact-import/get-contact-import.query';
import { ListContactImportErrorsQuery } from '../queries/list-contact-import-errors/list-contact-import-errors.query';
import { ContactImportErrorListDto, ContactImportResponseDto, ContactImportRowErrorDto, StartContactImportQueryDto } from './dto/contact-import.dto';

const CSV = 'text/csv';
const ERROR_COLUMNS = ['line', 'code', 'message', 'phone'] as const;
/** Rows per query of the CSV export of errors. */
const EXPORT_CHUNK = 5_000;

@ApiTags('Contacts')
@Controller('contacts/imports')
export class ContactImportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(HttpStatus.ACCEPTED)
  @Scopes('contacts:write')
  @ApiOperation({
    operationId: 'importContacts',
    summary: 'Import contacts from a CSV file (background job)',
    description:
      `The body is the CSV itself (\`Content-Type: text/csv\`) or a \`multipart/form-data\` upload whose file part is named \`file\`; at most ` +
      `${MAX_IMPORT_BYTES / 1024 / 1024} MiB (413 IMPORT_TOO_LARGE) and ${MAX_IMPORT_ROWS.toLocaleString('en')} data rows (more: the import fails with ` +
      'TOO_MANY_ROWS); a deployment may set lower limits. UTF-8, comma-separated, first row a header: `phone`, `first_name`, `last_name`, `email`, `timezone` (IANA, kept as ' +
      '`custom_fields.timezone`) and `opted_out` map to those fields, any other column to `custom_fields.<column>`, unless `mapping` says otherwise. ' +
      'Answers 202 with the import, `queued`; poll GET /contacts/imports/{id}. Rows upsert by phone with the rules of POST /contacts/bulk, except ' +
      'that custom fields merge into the stored ones, an empty cell keeps the stored value, and `opted_out` can opt a contact out but never back ' +
      'in. Importing the same file again changes nothing (`unchanged`). Rejected rows are listed with their line at /errors; ' +
      '`contact_import.completed` or `.failed` is sent to subscribed webhooks. With Idempotency-Key the body is not compared (it is streamed).',
  })
  @ApiConsumes(CSV, 'multipart/form-data')
  @ApiBody({
    schema: {
      oneOf: [
        { type: 'string', example: 'phone,first_name,plan\n+14155552671,Ada,gold\n' },
        { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
      ],
    },
  })
  @ApiAcceptedResponse({ type: ContactImportResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED'], [404, 'GROUP_NOT_FOUND or SOURCE_NOT_FOUND'], [413, 'IMPORT_TOO_LARGE'], [415, 'UNSUPPORTED_MEDIA_TYPE'], [422, 'INVALID_IMPORT (bad mapping, empty file, no file part)'])
  async start(@WorkspaceId() ws: string, @Query() q: StartContactImportQueryDto, @Req() req: Request) {
    const mapping = parseMapping(q.mapping);
    const upload = await uploadedFile(req);
    const imp = await this.commands.execute(
      new StartContactImportCommand(ws, upload.file, { fileName: upload.name ?? q.file_name ?? null, groupIds: q.group_ids ?? [], sourceId: q.source_id ?? null, mapping }),
    );
    return contactImportPayload(imp);
  }

  @Get(':id')
  @Scopes('contacts:read')
  @ApiOperation({ operationId: 'getContactImport', summary: 'An import: status, rows read, created, updated, unchanged, rejected and progress' })
  @ApiOkResponse({ type: ContactImportResponseDto })
  @ApiErrors([404, 'IMPORT_NOT_FOUND'])
  async get(@WorkspaceId() ws: string, @Param('id', ImportIdPipe) id: string) {
    return contactImportPayload(await this.queries.execute(new GetContactImportQuery(ws, id)));
  }

  @Get(':id/errors')
  @Scopes('contacts:read')
  @ApiOperation({
    operationId: 'listContactImportErrors',
    summary: 'Rejected rows of an import (JSON page, or all of them as CSV)',
    description: 'In line order. With `Accept: text/csv` every rejected row as a streamed CSV file (`limit` and `cursor` do not apply).',
  })
  @ApiProduces('application/json', CSV)
  @ApiExtraModels(ContactImportErrorListDto, ContactImportRowErrorDto)
  @ApiOkResponse({
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ContactImportErrorListDto) } },
      [CSV]: { schema: { type: 'string', example: 'line,code,message,phone\r\n3,INVALID_PHONE,+1415 is not a valid phone number,+1415\r\n' } },
    },
  })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_CURSOR'], [404, 'IMPORT_NOT_FOUND'])
  async errors(@WorkspaceId() ws: string, @Param('id', ImportIdPipe) id: string, @Query() q: PageQueryDto, @Req() req: Request) {
    if (req.accepts(['application/json', CSV]) !== CSV) {
      const page = await this.queries.execute(new ListContactImportErrorsQuery(ws, id, Number(decodeSeqCursor(q.cursor) ?? 0), q.limit));
      const last = page.rows[page.rows.length - 1];
      return { data: page.rows, next_cursor: page.more && last ? encodeSeqCursor(last.line) : null };
    }
    const first = await this.queries.execute(new ListContactImportErrorsQuery(ws, id, 0, EXPORT_CHUNK));
    const queries = this.queries;
    async function* lines() {
      yield csvLine(ERROR_COLUMNS);
      for (let page = first; ; ) {
        if (page.rows.length) yield page.rows.map((r) => csvLine(ERROR_COLUMNS.map((c) => r[c]))).join('');
        if (!page.more) return;
        page = await queries.execute(new ListContactImportErrorsQuery(ws, id, page.rows[page.rows.length - 1].line, EXPORT_CHUNK));
      }
    }
    return new StreamableFile(Readable.from(lines(), { highWaterMark: 1 }), {
      type: `${CSV}; charset=utf-8; header=present`,
      disposition: `attachment; filename="contact-import-${id}-errors.csv"`,
    });
  }
}

function parseMapping(raw: string | undefined): Record<string, ImportTarget> | null {
  if (raw === undefined) return null;
  let mapping: unknown;
  try {
    mapping = JSON.parse(raw);
  } catch {
    throw new InvalidImportError('mapping is not valid JSON');
  }
  const problems = importMappingProblems(mapping);
  if (problems.length) throw new InvalidImportError(problems.join('; '), { problems });
  return mapping as Record<string, ImportTarget>;
}

/** A body that breaks off or cannot be decoded half-way is the client's problem (400), never a 500. */
async function* readable(stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield chunk;
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new BadRequestError('MALFORMED_BODY', `The upload could not be read: ${(e as Error).message}`);
  }
}

/**
 * The file as a stream: the body itself for text/csv, or the `file` part of a multipart upload (busboy
 * hands it over as it arrives; other parts are ignored).
 */
async function uploadedFile(req: Request): Promise<{ file: AsyncIterable<Buffer>; name: string | null }> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === CSV || type === 'application/csv') {
    // Reading starts only once the import is recorded; a client that breaks off before must not crash the process.
    req.on('error', () => undefined);
    return { file: readable(req), name: null };
  }
  if (type !== 'multipart/form-data') throw new UnsupportedImportTypeError('Send the CSV as text/csv or as the `file` part of multipart/form-data');
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      // No size limit here: the import counts the bytes it stores and refuses the file past its own limit.
      parser = busboy({ headers: req.headers, limits: { files: 1, fields: 20, fieldSize: 1024 } });
    } catch (e) {
      return reject(new InvalidImportError(`multipart body could not be read: ${(e as Error).message}`));
    }
    parser.on('file', (name, stream, info) => {
      if (name !== 'file') return stream.resume();
      // As for text/csv: an error before reading starts stays on the stream for the reader.
      stream.on('error', () => undefined);
      resolve({ file: readable(stream), name: info.filename?.replace(/\u0000/g, '').slice(0, 255) || null });
    });
    parser.on('error', (e) => reject(new InvalidImportError(`multipart body could not be read: ${(e as Error).message}`)));
    parser.once('close', () => reject(new InvalidImportError('The multipart body has no part named `file`')));
    req.pipe(parser);
  });
}
