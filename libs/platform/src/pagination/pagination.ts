import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { BadRequestError } from '../errors/domain-error';
import { isUuid } from '../http/resource-id.pipe';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Query parameters every list endpoint accepts. */
export class PageQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page\'s next_cursor' })
  @IsOptional() @IsString()
  cursor?: string;

  @ApiPropertyOptional({ type: Boolean, default: false, description: 'Also answer `total`: how many items match the filters over all pages (one count query)' })
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean()
  include_total?: boolean;
}

/** `total` of a list answer, documented once for every list. */
export const ApiPageTotal = () =>
  ApiPropertyOptional({ type: Number, example: 1247, description: 'Only with include_total=true: the items matching the filters over all pages' });

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
  /** Items matching the filters over all pages; only when the client asked (`include_total`). */
  total?: number;
}

/** The answer of `keysetPage`: one page of rows, its next cursor, and the count over all pages when asked. */
export interface RowsPage<R> {
  items: R[];
  next_cursor: string | null;
  total?: number;
}

/** What a client asked of a list: page size, position, and whether to count. */
export interface PageRequest {
  limit: number;
  cursor?: string;
  includeTotal?: boolean;
}

export const pageRequest = (q: PageQueryDto): PageRequest => ({ limit: q.limit, cursor: q.cursor, includeTotal: q.include_total === true });

/**
 * Runs a list query, filtered but not yet ordered or limited, as one keyset page ordered
 * (created_at DESC, id DESC); with `includeTotal` it also counts every row the filters match.
 */
export async function keysetPage<R extends ObjectLiteral & { createdAt: Date; id: string }>(qb: SelectQueryBuilder<R>, page: PageRequest): Promise<RowsPage<R>> {
  const a = qb.alias;
  const after = decodeCursor(page.cursor);
  const total = page.includeTotal ? await qb.clone().getCount() : undefined;
  qb.orderBy(`${a}.created_at`, 'DESC').addOrderBy(`${a}.id`, 'DESC').limit(page.limit + 1);
  if (after) qb.andWhere(`(${a}.created_at, ${a}.id) < (:createdAt, :id)`, after);
  return withTotal(paginate(await qb.getMany(), page.limit), total);
}

/** A repository's page as the query's answer, each row mapped when asked. */
export function toPage<R, T = R>(rows: RowsPage<R>, map?: (row: R) => T): Page<T> {
  return withTotal({ data: map ? rows.items.map(map) : (rows.items as unknown as T[]), next_cursor: rows.next_cursor }, rows.total);
}

/**
 * Keyset position: lists are ordered by (created_at DESC, id DESC) so pages never skip or repeat rows
 * while new ones are inserted. The cursor is opaque to clients.
 */
export interface KeysetPosition {
  createdAt: string;
  id: string;
}

export function encodeCursor(pos: KeysetPosition): string {
  return Buffer.from(JSON.stringify([pos.createdAt, pos.id])).toString('base64url');
}

/**
 * Exactly what `encodeCursor` writes: anything else (a year 275760, a bare number) is not a cursor of ours
 * and would reach the database as an out-of-range timestamp.
 */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

export function decodeCursor(cursor: string | undefined): KeysetPosition | null {
  if (!cursor) return null;
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof createdAt === 'string' && typeof id === 'string' && ISO_INSTANT.test(createdAt) && !Number.isNaN(Date.parse(createdAt)) && isUuid(id)) {
      return { createdAt, id };
    }
  } catch {
    /* fall through to the error below */
  }
  throw new BadRequestError('INVALID_CURSOR', 'cursor is not a value returned by this API');
}

/**
 * Splits `limit + 1` fetched rows into the page and its next cursor: the extra row only tells whether
 * there is a next page.
 */
export function paginate<R extends { createdAt: Date; id: string }>(rows: R[], limit: number): { items: R[]; next_cursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    next_cursor: rows.length > limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/** Cursors over an ascending bigint sequence (tables too large for (created_at, id) keysets). */
export function encodeSeqCursor(seq: string | number): string {
  return Buffer.from(JSON.stringify(['s', String(seq)])).toString('base64url');
}

export function decodeSeqCursor(cursor: string | undefined): string | null {
  if (!cursor) return null;
  try {
    const [tag, seq] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (tag === 's' && typeof seq === 'string' && /^\d{1,18}$/.test(seq)) return seq;
  } catch {
    /* fall through to the error below */
  }
  throw new BadRequestError('INVALID_CURSOR', 'cursor is not a value returned by this API');
}

/** The same page with each item turned into its API object. */
export function mapPage<T, U>(page: Page<T>, present: (item: T) => U): Page<U> {
  return withTotal({ data: page.data.map(present), next_cursor: page.next_cursor }, page.total);
}

/** A page that carries `total` only when it was counted, so lists without `include_total` keep `{data, next_cursor}`. */
export function withTotal<P extends object>(page: P, total: number | undefined): P & { total?: number } {
  return total === undefined ? page : { ...page, total };
}
