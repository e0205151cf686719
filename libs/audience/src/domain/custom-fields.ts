export type CustomFieldValue = string | number | boolean | null;
export type CustomFields = Record<string, CustomFieldValue>;

export const MAX_CUSTOM_FIELDS = 100;
export const MAX_CUSTOM_FIELD_KEY = 64;
/** A value is rendered into a template parameter, which Meta caps at 1024 characters. */
export const MAX_CUSTOM_FIELD_VALUE = 1024;

export interface CustomFieldProblem {
  field: string;
  errors: string[];
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Every problem of a `custom_fields` value: it must be a flat JSON object of scalars (nested objects
 * and arrays cannot be mapped to a template variable), with at most 100 keys of at most 64 chars.
 * Returns [] when valid; `field` paths are relative to the body (`custom_fields.<key>`).
 */
export function customFieldsProblems(value: unknown, path = 'custom_fields'): CustomFieldProblem[] {
  if (!isPlainObject(value)) return [{ field: path, errors: [`${path} must be a JSON object`] }];
  const keys = Object.keys(value);
  const problems: CustomFieldProblem[] = [];
  if (keys.length > MAX_CUSTOM_FIELDS) problems.push({ field: path, errors: [`${path} has ${keys.length} keys; at most ${MAX_CUSTOM_FIELDS} are allowed`] });
  for (const key of keys) {
    const errors: string[] = [];
    if (key.length === 0 || key.length > MAX_CUSTOM_FIELD_KEY) errors.push(`key must be 1-${MAX_CUSTOM_FIELD_KEY} characters`);
    const v = value[key];
    if (typeof v === 'string') {
      if (v.length > MAX_CUSTOM_FIELD_VALUE) errors.push(`value must be at most ${MAX_CUSTOM_FIELD_VALUE} characters`);
    } else if (typeof v === 'number') {
      if (!Number.isFinite(v)) errors.push('value must be a finite number');
    } else if (v !== null && typeof v !== 'boolean') {
      errors.push('value must be a string, number, boolean or null (no nested objects or arrays)');
    }
    if (errors.length) problems.push({ field: `${path}.${key}`, errors });
  }
  return problems;
}
