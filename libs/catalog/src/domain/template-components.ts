import type { TemplateVariables } from '../queries/get-template/get-template.query';
import { scanPlaceholders } from './placeholders';

export interface TemplateProblem {
  /** Dotted path into the request: `components.1.buttons.0.url`. */
  path: string;
  message: string;
}

export interface ComponentAnalysis {
  /** Meaningful only when `problems` is empty. */
  variables: TemplateVariables;
  problems: TemplateProblem[];
}

export const COMPONENT_TYPES = ['HEADER', 'BODY', 'FOOTER', 'BUTTONS'] as const;
const HEADER_FORMATS = ['TEXT', 'IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION'];
/** Meta's limits: a longer text is refused when the template is sent. */
const MAX_TEXT = { HEADER: 60, BODY: 1024, FOOTER: 60 } as const;
const MAX_BUTTONS = 10;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const upper = (v: unknown) => (typeof v === 'string' ? v.toUpperCase() : undefined);

/**
 * Validates Meta's component array (HEADER/BODY/FOOTER/BUTTONS) and derives its placeholders:
 * header and body text, and the URL suffix of URL buttons (keyed by the button's index in BUTTONS).
 * Every problem is reported, not just the first.
 */
export function analyzeComponents(components: unknown): ComponentAnalysis {
  const variables: TemplateVariables = { body: [], header: [], buttons: {} };
  const problems: TemplateProblem[] = [];
  const problem = (path: string, message: string) => problems.push({ path, message });
  if (!Array.isArray(components) || components.length === 0) {
    problem('components', 'must be a non-empty array of components');
    return { variables, problems };
  }

  const seen = new Set<string>();
  components.forEach((c, i) => {
    const at = `components.${i}`;
    if (!isObject(c)) return problem(at, 'must be an object');
    const type = upper(c.type);
    if (!type || !(COMPONENT_TYPES as readonly string[]).includes(type)) {
      return problem(`${at}.type`, `must be one of ${COMPONENT_TYPES.join(', ')}`);
    }
    if (seen.has(type)) return problem(`${at}.type`, `only one ${type} component is allowed`);
    seen.add(type);

    const text = (kind: keyof typeof MAX_TEXT): string | null => {
      if (typeof c.text !== 'string' || !c.text.trim()) {
        problem(`${at}.text`, `${kind} text is required`);
        return null;
      }
      if (c.text.length > MAX_TEXT[kind]) problem(`${at}.text`, `${kind} text is longer than ${MAX_TEXT[kind]} characters`);
      return c.text;
    };
    const placeholders = (path: string, value: string): string[] => {
      const scan = scanPlaceholders(value);
      for (const message of scan.problems) problem(path, message);
      return scan.placeholders;
    };

    switch (type) {
      case 'BODY': {
        const body = text('BODY');
        if (body !== null) variables.body = placeholders(`${at}.text`, body);
        break;
      }
      case 'HEADER': {
        const format = upper(c.format);
        if (!format || !HEADER_FORMATS.includes(format)) {
          problem(`${at}.format`, `must be one of ${HEADER_FORMATS.join(', ')}`);
          break;
        }
        if (format !== 'TEXT') break;
        const header = text('HEADER');
        if (header === null) break;
        variables.header = placeholders(`${at}.text`, header);
        if (variables.header.length > 1) problem(`${at}.text`, 'a header can have at most one placeholder, {{1}}');
        break;
      }
      case 'FOOTER': {
        const footer = text('FOOTER');
        if (footer !== null && /\{\{|\}\}/.test(footer)) problem(`${at}.text`, 'a footer cannot contain placeholders');
        break;
      }
      case 'BUTTONS':
        analyzeButtons(c.buttons, `${at}.buttons`, variables, problem, placeholders);
        break;
    }
  });
  if (!seen.has('BODY')) problem('components', 'exactly one BODY component with text is required');
  return { variables, problems };
}

function analyzeButtons(
  buttons: unknown,
  at: string,
  variables: TemplateVariables,
  problem: (path: string, message: string) => void,
  placeholders: (path: string, value: string) => string[],
): void {
  if (!Array.isArray(buttons) || buttons.length === 0 || buttons.length > MAX_BUTTONS) {
    return problem(at, `must be an array of 1 to ${MAX_BUTTONS} buttons`);
  }
  buttons.forEach((b, i) => {
    const path = `${at}.${i}`;
    if (!isObject(b)) return problem(path, 'must be an object');
    const type = upper(b.type);
    if (!type) return problem(`${path}.type`, 'is required');
    if (type !== 'URL') return;
    if (typeof b.url !== 'string' || !b.url.trim()) return problem(`${path}.url`, 'a URL button needs a url');
    const found = placeholders(`${path}.url`, b.url);
    if (!found.length) return;
    // Meta only substitutes a dynamic suffix: one placeholder, at the very end of the URL.
    if (b.url.indexOf('{{') !== b.url.length - '{{1}}'.length || !b.url.endsWith('{{1}}')) return problem(`${path}.url`, 'a URL can only end with one placeholder, {{1}}');
    variables.buttons[String(i)] = found;
  });
}
