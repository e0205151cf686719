import { MAX_CUSTOM_FIELD_KEY } from '../../domain/custom-fields';
import { InvalidFieldError } from '../../domain/audience.errors';

export type ContactField = { column: 'phone' | 'first_name' | 'last_name' | 'email' } | { customKey: string };

const COLUMNS = new Set(['phone', 'first_name', 'last_name', 'email']);
const CUSTOM_PREFIX = 'custom_fields.';

/** Reads a field name of the variable-mapping grammar; null when it names no contact field. */
export function parseContactField(name: unknown): ContactField | null {
  if (typeof name !== 'string') return null;
  if (COLUMNS.has(name)) return { column: name as 'phone' | 'first_name' | 'last_name' | 'email' };
  if (!name.startsWith(CUSTOM_PREFIX)) return null;
  const customKey = name.slice(CUSTOM_PREFIX.length);
  return customKey.length >= 1 && customKey.length <= MAX_CUSTOM_FIELD_KEY ? { customKey } : null;
}

/** Parses every field or throws INVALID_FIELD listing all the bad ones. */
export function parseContactFields(names: unknown[]): Array<{ name: string; field: ContactField }> {
  const bad: unknown[] = [];
  const parsed: Array<{ name: string; field: ContactField }> = [];
  for (const name of names) {
    const field = parseContactField(name);
    if (field) parsed.push({ name: name as string, field });
    else bad.push(name);
  }
  if (bad.length) {
    throw new InvalidFieldError(
      `Unknown contact field(s): ${bad.map((b) => JSON.stringify(b)).join(', ')}; use phone, first_name, last_name, email or custom_fields.<key>`,
      { invalid: bad },
    );
  }
  return parsed;
}
