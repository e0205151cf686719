import { MAX_CUSTOM_FIELD_KEY } from './custom-fields';

/** Largest CSV accepted, in bytes and in data rows (the header row not counted). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;

export type ContactImportStatus = 'queued' | 'processing' | 'completed' | 'failed';

/** Outbound webhook events of an import; the audience module owns their names. */
export const CONTACT_IMPORT_EVENTS = { completed: 'contact_import.completed', failed: 'contact_import.failed' } as const;
export const CONTACT_IMPORT_EVENT_TYPES: readonly string[] = Object.values(CONTACT_IMPORT_EVENTS);

/** Where a CSV column goes: a contact field, a custom field, or nowhere. */
export type ImportTarget = 'phone' | 'first_name' | 'last_name' | 'email' | 'timezone' | 'opted_out' | `custom_fields.${string}` | null;

const STANDARD_TARGETS = new Set(['phone', 'first_name', 'last_name', 'email', 'timezone', 'opted_out']);
const CUSTOM_PREFIX = 'custom_fields.';
export const MAX_IMPORT_COLUMNS = 200;

/** Reasons a row is rejected, listed by GET /contacts/imports/{id}/errors. */
export type ImportRowErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_PHONE'
  | 'INVALID_CUSTOM_FIELDS'
  | 'INVALID_TIMEZONE'
  | 'INVALID_OPTED_OUT'
  | 'INVALID_CHARACTERS'
  | 'DUPLICATE_PHONE';

export interface ContactImportSnapshot {
  id: string;
  workspaceId: string;
  status: ContactImportStatus;
  fileName: string | null;
  bytesTotal: number;
  bytesRead: number;
  groupIds: string[];
  sourceId: string | null;
  mapping: Record<string, ImportTarget> | null;
  rowsRead: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
  errorCode: string | null;
  errorMessage: string | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/**
 * The import as the API and the `contact_import.*` webhooks show it. Reading the file is most of the
 * work, so progress follows the bytes read and reaches 100 only when the upsert has committed.
 */
export function contactImportPayload(i: ContactImportSnapshot) {
  const done = i.status === 'completed' || i.status === 'failed';
  const progress = done ? 100 : i.bytesTotal ? Math.min(99, Math.floor((i.bytesRead / i.bytesTotal) * 99)) : 0;
  return {
    id: i.id,
    status: i.status,
    file_name: i.fileName,
    bytes: i.bytesTotal,
    group_ids: i.groupIds,
    source_id: i.sourceId,
    mapping: i.mapping,
    rows_read: i.rowsRead,
    created: i.created,
    updated: i.updated,
    unchanged: i.unchanged,
    rejected: i.rejected,
    progress_percent: progress,
    error: i.errorCode ? { code: i.errorCode, message: i.errorMessage } : null,
    created_at: i.createdAt.toISOString(),
    updated_at: i.updatedAt.toISOString(),
    completed_at: i.completedAt?.toISOString() ?? null,
  };
}

/** A problem with a `mapping` entry, named by its column so the client can fix that one. */
export function importMappingProblems(mapping: unknown): string[] {
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping)) return ['mapping must be a JSON object of column name -> field'];
  const entries = Object.entries(mapping);
  if (entries.length > MAX_IMPORT_COLUMNS) return [`mapping has ${entries.length} columns; at most ${MAX_IMPORT_COLUMNS} are allowed`];
  const problems: string[] = [];
  for (const [column, target] of entries) {
    if (target === null) continue;
    if (typeof target !== 'string' || !isTarget(target)) {
      problems.push(`mapping["${column.slice(0, 64)}"] must be null, one of ${[...STANDARD_TARGETS].join(', ')}, or custom_fields.<key> (key 1-${MAX_CUSTOM_FIELD_KEY} characters)`);
    }
  }
  const phones = entries.filter(([, t]) => t === 'phone').length;
  if (phones > 1) problems.push('mapping sends more than one column to phone');
  return problems;
}

function isTarget(t: string): t is Exclude<ImportTarget, null> {
  if (STANDARD_TARGETS.has(t)) return true;
  const key = t.slice(CUSTOM_PREFIX.length);
  return t.startsWith(CUSTOM_PREFIX) && key.length >= 1 && key.length <= MAX_CUSTOM_FIELD_KEY;
}

/**
 * Each header cell's target: the explicit mapping when it names the column, else a standard field whose
 * name matches (case and surrounding blanks ignored), else `custom_fields.<header>`. A blank header is
 * skipped; a second column for the same target is a file error, as silently dropping one would lose data.
 */
export function resolveHeader(header: string[], mapping: Record<string, ImportTarget> | null): { targets: ImportTarget[] } | { problem: string } {
  if (header.length > MAX_IMPORT_COLUMNS) return { problem: `the header has ${header.length} columns; at most ${MAX_IMPORT_COLUMNS} are allowed` };
  const targets = header.map((raw): ImportTarget => {
    const name = raw.trim();
    if (mapping && Object.prototype.hasOwnProperty.call(mapping, name)) return mapping[name];
    if (!name) return null;
    const lower = name.toLowerCase();
    if (STANDARD_TARGETS.has(lower)) return lower as ImportTarget;
    return `custom_fields.${name}`;
  });
  const seen = new Set<string>();
  for (const [i, t] of targets.entries()) {
    if (t === null) continue;
    if (!isTarget(t as string)) return { problem: `column ${i + 1} would be ${(t as string).slice(0, 80)}, whose key is longer than ${MAX_CUSTOM_FIELD_KEY} characters (rename it or map it with \`mapping\`)` };
    if (seen.has(t)) return { problem: `columns ${i + 1} and an earlier one both map to ${t}` };
    seen.add(t);
  }
  if (!seen.has('phone')) return { problem: 'no column maps to phone (name one "phone", or map one to it with `mapping`)' };
  return { targets };
}
