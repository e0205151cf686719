export interface SandboxTemplate {
  id: string;
  waba_id: string;
  name: string;
  language: string;
  category: string;
  status: string;
  components: Array<Record<string, unknown>>;
  /** Parameters each send must carry, derived once from `components`. */
  params: ParamSpec;
}

/** How many parameters a send must give per component: header, body, and each button by index. */
export interface ParamSpec {
  header: number;
  /** The parameter type a media header takes (`image`, `video`, `document`, `location`); absent for a text header. */
  headerType?: string;
  body: number;
  buttons: Map<number, number>;
}

export type SentParameters = { header?: string[]; body?: string[]; buttons?: Record<string, string[]> };

const MEDIA_HEADERS = new Set(['IMAGE', 'VIDEO', 'DOCUMENT', 'LOCATION']);

function placeholders(text: unknown): number {
  if (typeof text !== 'string') return 0;
  return new Set(Array.from(text.matchAll(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g), (m) => m[1])).size;
}

export function declaredParams(components: Array<Record<string, unknown>>): ParamSpec {
  const spec: ParamSpec = { header: 0, body: 0, buttons: new Map() };
  for (const c of components) {
    const type = String(c.type ?? '').toUpperCase();
    if (type === 'HEADER') {
      const format = String(c.format ?? '').toUpperCase();
      if (MEDIA_HEADERS.has(format)) {
        spec.header = 1;
        spec.headerType = format.toLowerCase();
      } else spec.header = placeholders(c.text);
    } else if (type === 'BODY') {
      spec.body = placeholders(c.text);
    } else if (type === 'BUTTONS' && Array.isArray(c.buttons)) {
      c.buttons.forEach((b: Record<string, unknown>, i: number) => {
        const bt = String(b.type ?? '').toUpperCase();
        const n = bt === 'URL' ? placeholders(b.url) : bt === 'COPY_CODE' ? 1 : 0;
        if (n) spec.buttons.set(i, n);
      });
    }
  }
  return spec;
}

/** The value a send-time parameter carries, whatever its type. */
function paramValue(p: Record<string, any>): string | undefined {
  switch (p?.type) {
    case 'text': return p.text;
    case 'currency': return p.currency?.fallback_value;
    case 'date_time': return p.date_time?.fallback_value;
    case 'image': case 'video': case 'document': return p[p.type]?.link ?? p[p.type]?.id;
    case 'payload': return p.payload;
    case 'coupon_code': return p.coupon_code;
    default: return undefined;
  }
}

export type ParamCheck = { ok: true; parameters: SentParameters } | { ok: false; code: number; details: string };

/**
 * Checks that a send gives exactly the parameters the template declares, the way Meta does (132000 on a
 * count mismatch, 132012 on a header parameter of the wrong type, 100 on an unusable value).
 */
export function checkSendComponents(spec: ParamSpec, components: unknown): ParamCheck {
  if (components !== undefined && !Array.isArray(components)) return { ok: false, code: 100, details: 'template.components must be an array' };
  const given = { header: 0, body: 0, buttons: new Map<number, number>() };
  const parameters: SentParameters = {};
  for (const c of (components ?? []) as Array<Record<string, any>>) {
    const type = String(c?.type ?? '').toLowerCase();
    const params: Array<Record<string, any>> = Array.isArray(c?.parameters) ? c.parameters : [];
    const values: string[] = [];
    for (const p of params) {
      const v = paramValue(p);
      if (typeof v !== 'string' || v.trim() === '') return { ok: false, code: 131008, details: `${type}: parameter of type ${p?.type} is missing its value` };
      if (p.type === 'text' && (/[\n\t]/.test(v) || / {5,}/.test(v))) {
        return { ok: false, code: 100, details: 'Param text cannot have new-line/tab characters or more than 4 consecutive spaces' };
      }
      values.push(v);
    }
    if (type === 'header') {
      const wrong = params.find((p) => (spec.headerType ?? 'text') !== p.type);
      if (wrong && spec.header > 0) {
        return { ok: false, code: 132012, details: `header: parameter of type ${wrong.type} does not match the template's ${(spec.headerType ?? 'text').toUpperCase()} header` };
      }
      given.header = params.length;
      parameters.header = values;
    } else if (type === 'body') {
      given.body = params.length;
      parameters.body = values;
    } else if (type === 'button') {
      const index = Number(c.index);
      if (!Number.isInteger(index) || index < 0) return { ok: false, code: 100, details: 'button component needs a numeric index' };
      given.buttons.set(index, params.length);
      (parameters.buttons ??= {})[String(index)] = values;
    } else {
      return { ok: false, code: 100, details: `Unsupported component type: ${c?.type}` };
    }
  }
  const mismatch = (where: string, got: number, want: number): ParamCheck => ({
    ok: false,
    code: 132000,
    details: `${where}: number of localizable_params (${got}) does not match the expected number of params (${want})`,
  });
  if (given.header !== spec.header) return mismatch('header', given.header, spec.header);
  if (given.body !== spec.body) return mismatch('body', given.body, spec.body);
  for (const i of new Set([...spec.buttons.keys(), ...given.buttons.keys()])) {
    const got = given.buttons.get(i) ?? 0;
    const want = spec.buttons.get(i) ?? 0;
    if (got !== want) return mismatch(`button ${i}`, got, want);
  }
  return { ok: true, parameters };
}
