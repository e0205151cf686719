import { randomUUID } from 'node:crypto';
import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, ORDER_MAPPING, World } from '../support/world';

type Schema = { $ref?: string; type?: string; properties?: Record<string, Schema>; items?: Schema; allOf?: Schema[] };
type Operation = { parameters?: Array<{ name: string; in: string }>; requestBody?: { content?: Record<string, { schema?: Schema }> } };

/** A body nested far deeper than any payload of the API. */
const deep = (levels: number): unknown => (levels === 0 ? 1 : { a: deep(levels - 1) });

/**
 * The fixed corpus every parameter and body field is tried with: what an attacker or a broken client
 * sends. Deterministic, so a failure names the same request every run.
 */
const VALUES: Array<[string, unknown]> = [
  ['null', null],
  ['NUL byte', 'a\u0000b'],
  ['lone surrogate', 'a\ud800b'],
  ['1 MB string', 'x'.repeat(1_048_576)],
  ['10 kB string', 'y'.repeat(10_240)],
  ['empty string', ''],
  ['huge number', 1e308],
  ['unsafe integer', Number.MAX_SAFE_INTEGER + 2],
  ['negative', -1],
  ['fraction', 0.5],
  ['boolean', true],
  ['array', ['a', 1, null]],
  ['object', { nested: { x: 1 } }],
  ['deep nesting', deep(200)],
  ['invalid uuid', 'not-a-uuid'],
  ['uuid', randomUUID()],
  ['bad cursor', 'eyJ4IjoxfQ'],
  ['absurd date', '+275760-09-13T00:00:00.000Z'],
];
/** Values that fit in a URL (path segments and query strings). */
const TEXT_VALUES = VALUES.filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean').filter(([n]) => n !== '1 MB string');

const ERROR_CODE = /^[A-Z][A-Z0-9_]*$/;

/** Percent-encodes a corpus value; a lone surrogate has no UTF-8 form, so it goes as the bytes of its CESU-8 form. */
const urlText = (value: unknown) => {
  try {
    return encodeURIComponent(String(value));
  } catch {
    return '%ED%A0%80';
  }
};

describe('OpenAPI-driven fuzzing (e2e): no input makes the API answer 5xx', () => {
  let t: TestApp;
  let w: World;
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t, { contacts: 3 });
    const http = () => t.http().set(w.key.auth);
    doc = (await t.http().get('/docs-json').expect(200)).body;
    ids.campaigns = (await http().post(`${API}/campaigns`).send({ name: 'fuzz', template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201)).body.id;
    ids.contacts = w.contacts[0].id;
    ids.groups = w.groupId;
    ids.sources = (await http().post(`${API}/sources`).send({ name: 'fuzz' }).expect(201)).body.id;
    ids.templates = w.templateId;
    ids.channels = w.channelId;
    ids.webhooks = (await http().post(`${API}/webhooks`).send({ url: `${t.url}/nowhere`, events: ['*'] }).expect(201)).body.id;
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  const resolve = (s: Schema | undefined): Schema | undefined => {
    if (!s) return undefined;
    if (s.$ref) return resolve(doc.components.schemas[s.$ref.split('/').pop()!]);
    if (s.allOf) return { properties: Object.assign({}, ...s.allOf.map((x) => resolve(x)?.properties ?? {})) };
    return s;
  };

  /** Every key of an error's `details`, at any depth, that is not snake_case (the API's one casing). */
  const camelCaseKeys = (details: unknown): string[] =>
    Array.isArray(details)
      ? details.flatMap(camelCaseKeys)
      : details && typeof details === 'object'
        ? Object.entries(details).flatMap(([k, v]) => [...(/[A-Z]/.test(k) ? [k] : []), ...camelCaseKeys(v)])
        : [];

  /** A real id for `{id}` of the resource the path names, so requests reach the handlers, not only the id check. */
  const realPath = (path: string) => path.replace(/\{(\w+)\}/g, (_m, name: string) => (name === 'id' ? ids[path.split('/')[4]] ?? randomUUID() : 'x'));

  it('answers every operation, with every corpus value in every path parameter, query parameter and body field, with < 500 and the error shape', async () => {
    const failures: string[] = [];
    let requests = 0;
    const attempt = async (method: string, url: string, body: unknown, label: string) => {
      requests++;
      let req = t.http()[method as 'get'](url).set(w.key.auth);
      if (body !== undefined) req = req.set('Content-Type', 'application/json').send(JSON.stringify(body));
      const res = await req;
      const shapeOk =
        res.status < 400 ||
        (res.body?.statusCode === res.status && typeof res.body.error === 'string' && ERROR_CODE.test(res.body.code) && typeof res.body.message === 'string');
      const camel = res.status >= 400 ? camelCaseKeys(res.body?.details) : [];
      if (camel.length) failures.push(`${method.toUpperCase()} ${label}: details keys not in snake_case: ${camel.join(', ')}`);
      if (res.status >= 500 || !shapeOk) failures.push(`${method.toUpperCase()} ${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
    };

    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        // Deleting the fixtures would only turn the rest of the walk into 404s: deletes get foreign ids.
        const base = method === 'delete' ? path.replace(/\{(\w+)\}/g, () => randomUUID()) : realPath(path);
        const pathParams = (op.parameters ?? []).filter((p) => p.in === 'path');
        for (const p of pathParams) {
          for (const [name, value] of TEXT_VALUES) {
            const url = path.replace(/\{(\w+)\}/g, (_m, n: string) => (n === p.name ? urlText(value) : n === 'id' ? ids[path.split('/')[4]] ?? randomUUID() : 'x'));
            await attempt(method, url, undefined, `${path} path ${p.name}=${name}`);
          }
        }
        for (const p of (op.parameters ?? []).filter((x) => x.in === 'query')) {
          for (const [name, value] of TEXT_VALUES) await attempt(method, `${base}?${p.name}=${urlText(value)}`, undefined, `${path} query ${p.name}=${name}`);
        }
        const schema = resolve(op.requestBody?.content?.['application/json']?.schema);
        if (!op.requestBody) continue;
        for (const [name, value] of VALUES) await attempt(method, base, value, `${path} body=${name}`);
        for (const field of Object.keys(schema?.properties ?? {})) {
          for (const [name, value] of VALUES) await attempt(method, base, { [field]: value }, `${path} body.${field}=${name}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(1000);
  }, 240_000);
});
