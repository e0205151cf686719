import type { TemplateVariables } from '@app/catalog';
import { httpsLinkProblem, MappingSource, MediaFormat, MediaSource, mediaHeaderFormat, parseMedia, parseSource } from './variable-mapping';

/** Values given for one recipient, by placeholder path (`body.1`, `header.1`, `buttons.0.1`). */
export type RecipientVariables = Record<string, string>;

/** The contact fields a mapping can read (the Contact object's, flattened). */
export interface RenderContact {
  phone?: string | null;
  first_name?: string | null;
  last_name?: string | null;
  email?: string | null;
  custom_fields?: Record<string, unknown> | null;
}

export interface RenderedMessage {
  /** Meta's send-time `template.components` (parameters only for placeholders). */
  components: Array<Record<string, unknown>>;
  /** The template as the recipient will read it, for previews. */
  resolved: Array<Record<string, unknown>>;
  /** Resolved values by placeholder path (`body.1`, `buttons.0.1`, `header.media`): the recipient's `variables`. */
  variables: Record<string, string>;
  /** Placeholders with no value and no fallback: the recipient is skipped with MISSING_VARIABLE. */
  missing: string[];
}

const MAX_PARAM_LENGTH = 1024;

/** Meta refuses parameters with newlines, tabs or more than 4 consecutive spaces. */
export function sanitizeParameter(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/ {5,}/g, '    ')
    .trim()
    .slice(0, MAX_PARAM_LENGTH);
}

/**
 * Own properties only: a mapping naming `custom_fields.constructor` or `toString` must not render what
 * the prototype chain holds (a function's source text).
 */
function ownValue(record: object | null | undefined, key: string): unknown {
  return record && Object.hasOwn(record, key) ? (record as Record<string, unknown>)[key] : undefined;
}

/** A contact field as stored: `custom_fields.<key>` or a top-level field. */
const rawField = (contact: RenderContact, field: string): unknown =>
  field.startsWith('custom_fields.') ? ownValue(contact.custom_fields, field.slice('custom_fields.'.length)) : ownValue(contact, field);

function readField(contact: RenderContact, field: string): string | null {
  const raw = rawField(contact, field);
  if (typeof raw !== 'string' && typeof raw !== 'number' && typeof raw !== 'boolean') return null;
  const text = sanitizeParameter(String(raw));
  return text ? text : null;
}

function firstField(contact: RenderContact, fields: string[]): string | null {
  for (const field of fields) {
    const value = readField(contact, field);
    if (value) return value;
  }
  return null;
}

/** A recipient's media link: a contact value Meta could not fetch over HTTPS counts as no value. */
function readLink(contact: RenderContact, field: string): string | null {
  const raw = rawField(contact, field);
  return typeof raw === 'string' && httpsLinkProblem(raw.trim()) === null ? raw.trim() : null;
}

const resolveSource = (contact: RenderContact, src: MappingSource | undefined): string | null =>
  !src ? null : 'value' in src ? sanitizeParameter(src.value) || null : (firstField(contact, src.fields) ?? (src.fallback ? sanitizeParameter(src.fallback) || null : null));

/** The media header of one recipient: Meta's send-time parameter and the preview's component. */
function renderMedia(format: MediaFormat, src: MediaSource | null, contact: RenderContact) {
  const link = !src ? null : 'link' in src ? src.link : (readLink(contact, src.field) ?? src.fallback ?? null);
  const filename = format === 'DOCUMENT' ? resolveSource(contact, src?.filename) : null;
  const type = format.toLowerCase();
  return {
    link,
    filename,
    parameter: { type, [type]: { link, ...(filename && { filename }) } },
    resolved: { type: 'HEADER', format, link, ...(format === 'DOCUMENT' && { filename }) },
  };
}

const fill = (text: string, values: Record<string, string>) => text.replace(/\{\{\s*(\d+)\s*\}\}/g, (m, n: string) => values[n] ?? m);

type Component = Record<string, unknown> & { type?: string; text?: string; format?: string; buttons?: Array<Record<string, unknown>> };

/**
 * Compiles a template + variable mapping once into a function that renders one contact: parsing the
 * mapping is done per campaign, not per recipient.
 */
export function compileRenderer(
  template: { components: Array<Record<string, unknown>>; variables: TemplateVariables },
  mapping: Record<string, unknown> | null,
): (contact: RenderContact, overrides?: RecipientVariables | null) => RenderedMessage {
  const sources = new Map<string, MappingSource>();
  const section = (path: string, raw: unknown) => {
    for (const [n, src] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
      const parsed = parseSource(src);
      if (typeof parsed !== 'string') sources.set(`${path}.${n}`, parsed);
    }
  };
  section('header', mapping?.header);
  section('body', mapping?.body);
  for (const [index, raw] of Object.entries((mapping?.buttons ?? {}) as Record<string, unknown>)) section(`buttons.${index}`, raw);
  const components = template.components as Component[];
  const mediaFormat = mediaHeaderFormat(template.components);
  const parsedMedia = mediaFormat ? parseMedia((mapping?.header as Record<string, unknown> | undefined)?.media, mediaFormat) : null;
  const media = parsedMedia && !Array.isArray(parsedMedia) ? parsedMedia : null;

  return (contact, overrides) => {
    // A value given for this recipient wins over the mapping; an empty one falls back to the mapping.
    const override = (path: string, n: string) => {
      const given = overrides && Object.hasOwn(overrides, `${path}.${n}`) ? sanitizeParameter(overrides[`${path}.${n}`]) : '';
      return given || null;
    };
    const variables: Record<string, string> = {};
    const missing: string[] = [];
    const valuesOf = (path: string, names: string[]) => {
      const values: Record<string, string> = {};
      for (const n of names) {
        const src = sources.get(`${path}.${n}`);
        const value = override(path, n) ?? resolveSource(contact, src);
        if (value) {
          values[n] = value;
          variables[`${path}.${n}`] = value;
        } else missing.push(`${path}.${n}`);
      }
      return values;
    };
    const params = (names: string[], values: Record<string, string>) =>
      [...names].sort((a, b) => +a - +b).map((n) => ({ type: 'text', text: values[n] ?? '' }));

    const send: Array<Record<string, unknown>> = [];
    const resolved: Array<Record<string, unknown>> = [];
    for (const c of components) {
      const type = String(c.type ?? '').toUpperCase();
      if (type === 'HEADER' && mediaFormat) {
        const header = renderMedia(mediaFormat, media, contact);
        if (header.link) {
          variables['header.media'] = header.link;
          if (header.filename) variables['header.filename'] = header.filename;
        } else missing.push('header.media');
        send.push({ type: 'header', parameters: [header.parameter] });
        resolved.push(header.resolved);
      } else if (type === 'HEADER' || type === 'BODY') {
        const names = type === 'HEADER' ? template.variables.header : template.variables.body;
        const values = valuesOf(type.toLowerCase(), names);
        if (names.length) send.push({ type: type.toLowerCase(), parameters: params(names, values) });
        resolved.push(type === 'HEADER' && c.format && c.format !== 'TEXT' ? { type, format: c.format } : { type, text: fill(c.text ?? '', values) });
      } else if (type === 'FOOTER') {
        resolved.push({ type, text: c.text ?? '' });
      } else if (type === 'BUTTONS') {
        const buttons = (c.buttons ?? []).map((b, index) => {
          const names = template.variables.buttons[String(index)] ?? [];
          const values = valuesOf(`buttons.${index}`, names);
          if (names.length) {
            send.push({ type: 'button', sub_type: String(b.type ?? 'url').toLowerCase(), index: String(index), parameters: params(names, values) });
          }
          return typeof b.url === 'string' ? { ...b, url: fill(b.url, values) } : { ...b };
        });
        resolved.push({ type, buttons });
      }
    }
    return { components: send, resolved, variables, missing };
  };
}
