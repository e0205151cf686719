import { isEmail } from 'class-validator';
import { CustomFields, customFieldsProblems } from './custom-fields';
import { normalisePhone } from './phone';

export const MAX_NAME = 100;
export const MAX_EMAIL = 254;
export const MAX_BULK_CONTACTS = 10_000;

/**
 * What an upsert carries for one contact. `undefined` and `null` both mean "keep the stored value"
 * (an upsert never erases; PATCH does). `customFields` is merged into the stored object.
 */
export interface ContactInput {
  phone: string;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  customFields?: CustomFields;
}

export interface RowFailure {
  index: number;
  code: 'VALIDATION_FAILED' | 'INVALID_PHONE' | 'INVALID_CUSTOM_FIELDS' | 'DUPLICATE_PHONE';
  message: string;
}

const ROW_KEYS = new Set(['phone', 'first_name', 'last_name', 'email', 'custom_fields']);

function optionalText(row: Record<string, unknown>, key: string, max: number, problems: string[]): string | null | undefined {
  const v = row[key];
  if (v === undefined || v === null) return v;
  if (typeof v !== 'string') problems.push(`${key} must be a string`);
  else if (v.length > max) problems.push(`${key} must be at most ${max} characters`);
  else return v;
  return undefined;
}

/**
 * Validates one row of POST /contacts/bulk by hand: running class-validator over 10,000 nested DTOs
 * costs seconds, this costs milliseconds. Same rules as the single-contact DTO (shared limits,
 * phone and custom_fields checks).
 */
export function parseContactRow(raw: unknown, index: number): { ok: true; input: ContactInput } | { ok: false; failure: RowFailure } {
  const fail = (code: RowFailure['code'], message: string) => ({ ok: false as const, failure: { index, code, message } });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('VALIDATION_FAILED', 'contact must be a JSON object');
  const row = raw as Record<string, unknown>;
  const problems: string[] = [];
  for (const key of Object.keys(row)) if (!ROW_KEYS.has(key)) problems.push(`property ${key} should not exist`);
  const firstName = optionalText(row, 'first_name', MAX_NAME, problems);
  const lastName = optionalText(row, 'last_name', MAX_NAME, problems);
  const email = optionalText(row, 'email', MAX_EMAIL, problems);
  if (typeof email === 'string' && !isEmail(email)) problems.push('email must be an email');
  if (problems.length) return fail('VALIDATION_FAILED', problems.join('; '));
  const phone = normalisePhone(row.phone);
  if (!phone.ok) return fail('INVALID_PHONE', phone.message);
  let customFields: CustomFields | undefined;
  if (row.custom_fields !== undefined && row.custom_fields !== null) {
    const cf = customFieldsProblems(row.custom_fields);
    if (cf.length) return fail('INVALID_CUSTOM_FIELDS', cf.map((p) => `${p.field}: ${p.errors.join(', ')}`).join('; '));
    customFields = row.custom_fields as CustomFields;
  }
  return { ok: true, input: { phone: phone.phone, firstName, lastName, email, customFields } };
}

/**
 * Validates every row and drops repeated phones: the first row with a phone is kept and each later
 * one fails with DUPLICATE_PHONE (one statement cannot upsert the same key twice, and silently
 * letting one row win would hide a data problem from the importer).
 */
export function parseContactRows(rows: unknown[]): { inputs: Array<ContactInput & { index: number }>; failed: RowFailure[] } {
  const inputs: Array<ContactInput & { index: number }> = [];
  const failed: RowFailure[] = [];
  const firstIndexByPhone = new Map<string, number>();
  rows.forEach((raw, index) => {
    const r = parseContactRow(raw, index);
    if (!r.ok) return failed.push(r.failure);
    const first = firstIndexByPhone.get(r.input.phone);
    if (first !== undefined) {
      return failed.push({ index, code: 'DUPLICATE_PHONE', message: `${r.input.phone} already appears at index ${first} of this request` });
    }
    firstIndexByPhone.set(r.input.phone, index);
    inputs.push({ ...r.input, index });
  });
  return { inputs, failed };
}
