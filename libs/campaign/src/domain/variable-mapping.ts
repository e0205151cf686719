import type { TemplateVariables } from '@app/catalog';

/**
 * The variable-mapping grammar (a campaign's `variable_mapping`):
 * `{header: {"1": src}, body: {"1": src, …}, buttons: {"<button index>": {"1": src}}}` where `src` is
 * `{field, fallback?}`, `{value}`, or a bare field name string. `field` may also be a list of fields,
 * tried in order: the first that has a value for the contact is used, then `fallback`.
 */
export type MappingSource = { fields: string[]; fallback?: string } | { value: string };

/** More would only hide a mapping mistake; five covers nickname → first name → … chains. */
export const MAX_FIELD_CHAIN = 5;

export interface MappingProblem {
  path: string;
  message: string;
}

export const CONTACT_FIELDS = ['phone', 'first_name', 'last_name', 'email'] as const;
const CUSTOM_FIELD = /^custom_fields\.[A-Za-z0-9_.-]{1,64}$/;

export function isContactField(field: string): boolean {
  return (CONTACT_FIELDS as readonly string[]).includes(field) || CUSTOM_FIELD.test(field);
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Parses one placeholder's source, or says what is wrong with it. */
export function parseSource(raw: unknown): MappingSource | string {
  if (typeof raw === 'string') return isContactField(raw) ? { fields: [raw] } : `unknown contact field "${raw}"`;
  if (!isObject(raw)) return 'must be a field name or an object with "field" or "value"';
  const keys = Object.keys(raw);
  if ('value' in raw) {
    if (keys.length !== 1) return '"value" cannot be combined with other keys';
    if (typeof raw.value !== 'string' && typeof raw.value !== 'number') return '"value" must be a string or number';
    return String(raw.value).trim() ? { value: String(raw.value) } : '"value" must not be empty';
  }
  if (!('field' in raw)) return 'must have "field" or "value"';
  const extra = keys.filter((k) => k !== 'field' && k !== 'fallback');
  if (extra.length) return `unknown key(s): ${extra.join(', ')}`;
  const fields = Array.isArray(raw.field) ? raw.field : [raw.field];
  if (!fields.length || fields.length > MAX_FIELD_CHAIN) return `"field" must be a field name or a list of 1-${MAX_FIELD_CHAIN} field names`;
  const unknown = fields.find((f) => typeof f !== 'string' || !isContactField(f));
  if (unknown !== undefined) return `unknown contact field "${String(unknown).slice(0, 80)}"`;
  if (raw.fallback !== undefined && typeof raw.fallback !== 'string') return '"fallback" must be a string';
  return raw.fallback === undefined ? { fields } : { fields, fallback: raw.fallback };
}

/** Checks a mapping against a template's placeholders: all mapped, nothing else. Returns every problem. */
export function validateVariableMapping(vars: TemplateVariables, mapping: unknown): MappingProblem[] {
  const problems: MappingProblem[] = [];
  const hasVars = vars.header.length + vars.body.length + Object.values(vars.buttons).flat().length > 0;
  if (mapping === null || mapping === undefined) {
    return hasVars ? [{ path: '', message: 'the template has variables: variable_mapping is required' }] : [];
  }
  if (!isObject(mapping)) return [{ path: '', message: 'variable_mapping must be an object' }];
  for (const key of Object.keys(mapping)) {
    if (!['header', 'body', 'buttons'].includes(key)) problems.push({ path: key, message: 'unknown section (header, body, buttons)' });
  }
  const checkSection = (path: string, expected: string[], given: unknown) => {
    if (given === undefined) {
      for (const n of expected) problems.push({ path: `${path}.${n}`, message: 'placeholder is not mapped' });
      return;
    }
    if (!isObject(given)) {
      problems.push({ path, message: 'must be an object keyed by placeholder number' });
      return;
    }
    for (const n of expected) {
      if (!(n in given)) problems.push({ path: `${path}.${n}`, message: 'placeholder is not mapped' });
    }
    for (const [n, raw] of Object.entries(given)) {
      if (!expected.includes(n)) {
        problems.push({ path: `${path}.${n}`, message: 'the template has no such placeholder' });
        continue;
      }
      const parsed = parseSource(raw);
      if (typeof parsed === 'string') problems.push({ path: `${path}.${n}`, message: parsed });
    }
  };
  checkSection('header', vars.header, mapping.header);
  checkSection('body', vars.body, mapping.body);
  const buttons = mapping.buttons;
  if (buttons !== undefined && !isObject(buttons)) {
    problems.push({ path: 'buttons', message: 'must be an object keyed by button index' });
  } else {
    const given = (buttons ?? {}) as Record<string, unknown>;
    for (const [index, expected] of Object.entries(vars.buttons)) checkSection(`buttons.${index}`, expected, given[index]);
    for (const index of Object.keys(given)) {
      if (!(index in vars.buttons)) problems.push({ path: `buttons.${index}`, message: 'the template has no variables in this button' });
    }
  }
  return problems;
}
