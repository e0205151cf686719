import { parseContactRow } from './contact-input';
import type { ImportRowErrorCode, ImportTarget } from './contact-import';

/** One data row, ready for the staging table: either a contact or the reason it was rejected. */
export type ImportRow =
  | { ok: true; phone: string; firstName: string | null; lastName: string | null; email: string | null; customFields: string | null; optedOut: boolean | null }
  | { ok: false; code: ImportRowErrorCode; message: string };

const TRUE = new Set(['true', 'yes', 'y', '1']);
const FALSE = new Set(['false', 'no', 'n', '0']);
const TIMEZONES = new Set(Intl.supportedValuesOf('timeZone'));

/**
 * Turns a CSV record into a contact with the same rules as POST /contacts/bulk (one validator for both).
 * An empty cell is "not given": the stored value stays, as with a JSON null. Text that Postgres cannot
 * store (NUL) rejects the row rather than the whole file.
 */
export function parseImportRecord(record: string[], targets: ImportTarget[]): ImportRow {
  const row: Record<string, unknown> = {};
  const custom: Record<string, string> = {};
  let optedOut: boolean | null = null;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    const value = record[i]?.trim();
    if (target === null || !value) continue;
    if (value.includes('\u0000')) return { ok: false, code: 'INVALID_CHARACTERS', message: `column ${i + 1} contains a NUL character` };
    if (target.startsWith('custom_fields.')) custom[target.slice(14)] = value;
    else if (target === 'timezone') {
      if (!TIMEZONES.has(value)) return { ok: false, code: 'INVALID_TIMEZONE', message: `${value.slice(0, 64)} is not an IANA time zone (e.g. Europe/Paris)` };
      custom.timezone = value;
    } else if (target === 'opted_out') {
      const v = value.toLowerCase();
      if (!TRUE.has(v) && !FALSE.has(v)) return { ok: false, code: 'INVALID_OPTED_OUT', message: 'opted_out must be true/false, yes/no or 1/0' };
      optedOut = TRUE.has(v);
    } else row[target] = value;
  }
  if (row.phone === undefined) return { ok: false, code: 'INVALID_PHONE', message: 'phone is empty' };
  if (Object.keys(custom).length) row.custom_fields = custom;
  const parsed = parseContactRow(row, 0);
  if (!parsed.ok) return { ok: false, code: parsed.failure.code as ImportRowErrorCode, message: parsed.failure.message };
  const c = parsed.input;
  return {
    ok: true,
    phone: c.phone,
    firstName: c.firstName ?? null,
    lastName: c.lastName ?? null,
    email: c.email ?? null,
    customFields: c.customFields ? JSON.stringify(c.customFields) : null,
    optedOut,
  };
}

/** A value in Postgres's COPY text format (`\N` is NULL; backslash, tab and line breaks escaped). */
export function copyText(value: string | number | boolean | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : s;
}
