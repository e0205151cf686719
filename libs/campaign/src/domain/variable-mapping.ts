import type { TemplateVariables } from '@app/catalog';

/**
 * The variable-mapping grammar (a campaign's `variable_mapping`):
 * `{header: {"1": src}, body: {"1": src, …}, buttons: {"<button index>": {"1": src}}}` where `src` is
 * `{field, fallback?}`, `{value}`, or a bare field name string. `field` may also be a list of fields,
 * tried in order: the first that has a value for the contact is used, then `fallback`. A template whose header is
 * an IMAGE, VIDEO or DOCUMENT takes `header: {media: {link} | {field, fallback?}}` instead (an https link for
 * everyone, or a contact field holding each recipient's link), plus `filename` for a DOCUMENT (a string, or
 * `{field, fallback?}`).
 */
export type MappingSource = { fields: string[]; fallback?: string } | { value: string };

/** More would only hide a mapping mistake; five covers nickname → first name → … chains. */
export const MAX_FIELD_CHAIN = 5;

/** A media header's asset: one link for everyone, or a contact field with each recipient's link. */
export type MediaSource = ({ link: string } | { field: string; fallback?: string }) & { filename?: MappingSource };

export const MEDIA_FORMATS = ['IMAGE', 'VIDEO', 'DOCUMENT'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** What a mapping is checked against: the template's placeholders and its components (for the header's format). */
export interface MappingTarget {
  variables: TemplateVariables;
  components: Array<Record<string, unknown>>;
}

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

/** The header's media format, or null when the template's header is text or absent. */
export function mediaHeaderFormat(components: Array<Record<string, unknown>>): MediaFormat | null {
  const header = components.find((c) => String(c.type ?? '').toUpperCase() === 'HEADER');
  const format = String(header?.format ?? '').toUpperCase();
  return (MEDIA_FORMATS as readonly string[]).includes(format) ? (format as MediaFormat) : null;
}

const MAX_LINK = 2000;
const MAX_FILENAME = 240;

/**
 * Meta fetches a media link itself (we never do, so it can't reach our network), and only over HTTPS: a
 * link it would refuse is refused here.
 */
export function httpsLinkProblem(raw: unknown): string | null {
  if (typeof raw !== 'string') return 'must be an https URL';
  if (raw.length > MAX_LINK) return `must be at most ${MAX_LINK} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an https URL';
  }
  if (url.protocol !== 'https:' || !url.hostname) return 'must be an https URL';
  if (url.username || url.password) return 'must not carry credentials';
  return null;
}

const MEDIA_KEYS = ['link', 'field', 'fallback', 'filename'];

/** Parses `header.media`, or lists what is wrong with it (paths under `header.media`). */
export function parseMedia(raw: unknown, format: MediaFormat): MediaSource | MappingProblem[] {
  const at = 'header.media';
  if (!isObject(raw)) return [{ path: at, message: 'must be an object with "link" (one asset for everyone) or "field" (per recipient)' }];
  const problems: MappingProblem[] = [];
  const extra = Object.keys(raw).filter((k) => !MEDIA_KEYS.includes(k));
  if (extra.length) problems.push({ path: at, message: `unknown key(s): ${extra.join(', ')}` });
  const hasLink = 'link' in raw;
  const hasField = 'field' in raw;
  if (hasLink === hasField) {
    problems.push({ path: at, message: hasLink ? '"link" and "field" cannot be combined' : 'must have "link" (one asset for everyone) or "field" (per recipient)' });
  }
  if (hasLink) {
    const problem = httpsLinkProblem(raw.link);
    if (problem) problems.push({ path: `${at}.link`, message: problem });
    if ('fallback' in raw) problems.push({ path: `${at}.fallback`, message: 'only a "field" takes a fallback' });
  }
  if (hasField && (typeof raw.field !== 'string' || !isContactField(raw.field))) problems.push({ path: `${at}.field`, message: `unknown contact field "${String(raw.field)}"` });
  if (hasField && raw.fallback !== undefined) {
    const problem = httpsLinkProblem(raw.fallback);
    if (problem) problems.push({ path: `${at}.fallback`, message: problem });
  }
  let filename: MappingSource | undefined;
  if (raw.filename !== undefined) {
    if (format !== 'DOCUMENT') problems.push({ path: `${at}.filename`, message: 'only a DOCUMENT header takes a filename' });
    else if (typeof raw.filename === 'string') {
      if (!raw.filename.trim() || raw.filename.length > MAX_FILENAME) problems.push({ path: `${at}.filename`, message: `must be 1 to ${MAX_FILENAME} characters` });
      else filename = { value: raw.filename };
    } else {
      const parsed = isObject(raw.filename) ? parseSource(raw.filename) : 'must be a file name or {"field": …, "fallback"?: …}';
      if (typeof parsed === 'string') problems.push({ path: `${at}.filename`, message: parsed });
      else filename = parsed;
    }
  }
  if (problems.length) return problems;
  const asset = hasLink ? { link: raw.link as string } : { field: raw.field as string, ...(raw.fallback !== undefined && { fallback: raw.fallback as string }) };
  return filename ? { ...asset, filename } : asset;
}

/** Checks a mapping against a template's placeholders (and media header): all mapped, nothing else. Returns every problem. */
export function validateVariableMapping(template: MappingTarget, mapping: unknown): MappingProblem[] {
  const vars = template.variables;
  const media = mediaHeaderFormat(template.components);
  const problems: MappingProblem[] = [];
  const hasVars = media !== null || vars.header.length + vars.body.length + Object.values(vars.buttons).flat().length > 0;
  if (mapping === null || mapping === undefined) {
    if (!hasVars) return [];
    // A media header is named precisely; placeholders alone keep the one-line answer.
    if (media === null) return [{ path: '', message: 'the template has variables: variable_mapping is required' }];
    mapping = {};
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
  const header = mapping.header;
  if (media !== null) {
    if (header === undefined) problems.push({ path: 'header.media', message: `the template has a ${media} header: map its media` });
    else if (!isObject(header)) problems.push({ path: 'header', message: 'must be an object with "media"' });
    else {
      for (const key of Object.keys(header)) if (key !== 'media') problems.push({ path: `header.${key}`, message: `a ${media} header takes only "media"` });
      if (!('media' in header)) problems.push({ path: 'header.media', message: `the template has a ${media} header: map its media` });
      else {
        const parsed = parseMedia(header.media, media);
        if (Array.isArray(parsed)) problems.push(...parsed);
      }
    }
  } else if (isObject(header) && 'media' in header) {
    problems.push({ path: 'header.media', message: 'the template has no media header' });
    const { media: _media, ...placeholders } = header;
    checkSection('header', vars.header, placeholders);
  } else checkSection('header', vars.header, header);
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
