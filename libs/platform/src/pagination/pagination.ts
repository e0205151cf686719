import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { BadRequestError } from '../errors/domain-error';
import { isUuid } from '../http/resource-id.pipe';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** Query parameters every list endpoint accepts. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page\'s next_cursor' })
  @IsOptional() @IsString()
  cursor?: string;
}

export interface Page<T> {
  data: T[];
  next_cursor: string | null;
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
  return { data: page.data.map(present), next_cursor: page.next_cursor };
}
