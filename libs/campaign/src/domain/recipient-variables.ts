import type { TemplateVariables } from '@app/catalog';
import type { RecipientVariables } from './template-renderer';

export const MAX_RECIPIENT_VALUE = 1024;

/**
 * A recipient's own values, keyed by placeholder: `body.1`, `header.1`, `buttons.0.1`, or a bare number
 * for the body's placeholder (the peer API's `recipient_variables` form). Answers them keyed by path, or
 * what is wrong with them.
 */
export function parseRecipientVariables(raw: unknown, vars: TemplateVariables): RecipientVariables | string {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'variables must be an object of placeholder -> value';
  const paths = new Set([
    ...vars.header.map((n) => `header.${n}`),
    ...vars.body.map((n) => `body.${n}`),
    ...Object.entries(vars.buttons).flatMap(([i, ns]) => ns.map((n) => `buttons.${i}.${n}`)),
  ]);
  const out: RecipientVariables = {};
  for (const [key, value] of Object.entries(raw)) {
    const path = /^\d+$/.test(key) ? `body.${key}` : key;
    if (!paths.has(path)) return `the template has no placeholder ${key.slice(0, 40)} (use ${[...paths].join(', ') || 'none: it has no variables'})`;
    if (typeof value !== 'string' && typeof value !== 'number') return `variables.${key} must be a string or number`;
    if (String(value).length > MAX_RECIPIENT_VALUE) return `variables.${key} must be at most ${MAX_RECIPIENT_VALUE} characters`;
    out[path] = String(value);
  }
  return out;
}
