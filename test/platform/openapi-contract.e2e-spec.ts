import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { execFile, spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Response } from 'supertest';
import { API, createTestApp, freePort, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';
import { NODE_FLAGS } from '../support/worker-process';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

type Doc = { paths: Record<string, Record<string, { operationId: string; responses: Record<string, { content?: Record<string, { example?: any }> }> }>> };

/** Every object schema that lists its properties gets no others: an undocumented field in an answer fails the check. */
function closeObjects(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  const s = node as Record<string, unknown>;
  if (s.properties && s.additionalProperties === undefined) s.additionalProperties = false;
  Object.values(s).forEach(closeObjects);
}

/**
 * OpenAPI 3.0's `nullable: true` beside a reference (`allOf: [{$ref}]`, how a nullable nested object is written)
 * allows null, but a JSON Schema validator applies the reference to null as well: the null is spelled out for it.
 */
function nullableReferences(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  Object.values(node).forEach(nullableReferences);
  const s = node as Record<string, unknown>;
  if (s.nullable !== true || !(s.allOf || s.$ref)) return;
  const { nullable: _, ...rest } = s;
  for (const key of Object.keys(s)) delete s[key];
  s.anyOf = [rest, { type: 'null' }];
}

/** Checks real answers against the schema the document gives their operation, status and media type. */
class ResponseChecker {
  private readonly ajv = new Ajv({ strict: false, allErrors: true });
  private readonly cache = new Map<string, ValidateFunction>();
  private readonly routes: Array<{ template: string; re: RegExp }>;
  readonly checked = new Set<string>();
  readonly problems: string[] = [];

  constructor(private readonly doc: Doc) {
    addFormats(this.ajv);
    const closed = JSON.parse(JSON.stringify(doc));
    closeObjects(closed.components);
    closeObjects(closed.paths);
    nullableReferences(closed);
    this.ajv.addSchema(closed, 'api');
    // Literal segments win over parameters (`/recipients/export` before `/errors/{error_code}`-like templates).
    this.routes = Object.keys(doc.paths)
      .sort((a, b) => (a.match(/\{/g)?.length ?? 0) - (b.match(/\{/g)?.length ?? 0))
      .map((template) => ({ template, re: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`) }));
  }

  check(method: string, url: string, res: Response): void {
    const path = url.split('?')[0];
    const route = this.routes.find((r) => r.re.test(path));
    const op = route && this.doc.paths[route.template][method];
    const where = `${method.toUpperCase()} ${path} → ${res.status}`;
    if (!route || !op) return void this.problems.push(`${where}: not in the document`);
    if (res.status === 204) return void this.checked.add(`${op.operationId} ${res.status}`);
    const media = (res.headers['content-type'] ?? '').split(';')[0];
    const pointer = ['paths', route.template, method, 'responses', String(res.status), 'content', media, 'schema']
      .map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    if (!op.responses[res.status]?.content?.[media]) return void this.problems.push(`${where}: ${media} answer not documented`);
    let validate = this.cache.get(pointer);
    if (!validate) this.cache.set(pointer, (validate = this.ajv.compile({ $ref: `api#/${pointer}` })));
    const body = media === 'application/json' ? res.body : res.text;
    if (!validate(body)) this.problems.push(`${where}: ${this.ajv.errorsText(validate.errors)}`);
    this.checked.add(`${op.operationId} ${res.status}`);
  }
}

describe('OpenAPI contract (e2e): the document lints, generates a client that compiles, and describes real answers', () => {
  let t: TestApp;
  let w: World;
  let doc: Doc;
  let dir: string;

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, { contacts: 6 });
    doc = (await t.http().get('/docs-json').expect(200)).body;
    dir = mkdtempSync(join(tmpdir(), 'wace-openapi-'));
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await w.sandbox.close();
    await t.close();
  });

  it('is the document the built app serves (the swagger plugin in nest build; its generated metadata here)', async () => {
    await run(bin('nest'), ['build', 'api'], { cwd: root });
    const port = await freePort();
    const api = spawn(process.execPath, [...NODE_FLAGS, 'dist/apps/api/main.js'], { cwd: root, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
    try {
      const built = await eventually(() => fetch(`http://127.0.0.1:${port}/docs-json`).then((r) => r.json(), () => null), { what: 'built API up' });
      // A difference means `npm run openapi:metadata` was not run after a DTO or controller changed.
      expect(doc).toEqual(built);
    } finally {
      api.kill('SIGKILL');
    }
  });

  it('passes @redocly/cli lint with no errors', async () => {
    const out = await run(bin('redocly'), ['lint', join(dir, 'openapi.json'), '--format=json'], { cwd: root }).catch((e) => e);
    const problems: Array<{ severity: string; ruleId: string; message: string }> = JSON.parse(out.stdout).problems;
    const errors = problems.filter((p) => p.severity === 'error');
    console.log(`redocly lint: ${errors.length} errors, ${problems.length - errors.length} warnings`);
    expect(errors).toEqual([]);
  });

  it('has readable operation ids, root tags, servers, and one error example per status with its own code', () => {
    const ops = Object.values(doc.paths).flatMap((item) => Object.values(item));
    expect(ops.map((o) => o.operationId)).toEqual(expect.arrayContaining(['createCampaign', 'sendCampaign', 'listCampaignRecipients', 'exportCampaignRecipients']));
    for (const op of ops) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      for (const [status, response] of Object.entries(op.responses)) {
        if (Number(status) < 400) continue;
        expect(response.content?.['application/json']?.example).toMatchObject({ statusCode: Number(status), code: expect.stringMatching(/^[A-Z][A-Z0-9_]+$/) });
      }
    }
    expect(doc).toMatchObject({ tags: expect.arrayContaining([expect.objectContaining({ name: 'Campaigns' })]), servers: [expect.objectContaining({ url: '/' })] });
  });

  it('generates a TypeScript client (openapi-typescript defaults) that a strict end-to-end script compiles against', async () => {
    await run(bin('openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'api.d.ts')], { cwd: root });
    copyFileSync(join(__dirname, 'openapi-client', 'client-script.ts'), join(dir, 'client-script.ts'));
    const tsc = await run(bin('tsc'), ['--strict', '--noEmit', '--target', 'ES2022', '--module', 'commonjs', 'client-script.ts', 'api.d.ts'], { cwd: dir }).catch((e) => e);
    expect(tsc.stdout ?? '').toBe('');
  });

  it('describes every answer of a campaign flow: bodies, errors and the CSV export match their schemas', async () => {
    const checker = new ResponseChecker(doc);
    const call = async (method: 'get' | 'post' | 'patch' | 'put' | 'delete', url: string, body?: object) => {
      const res = await t.http()[method](`${API}${url}`).set(w.key.auth).send(body);
      checker.check(method, `${API}${url}`, res);
      return res;
    };
    await call('get', '/channels');
    await call('get', `/channels/${w.channelId}`);
    await call('get', `/templates/${w.templateId}`);
    await call('get', '/templates?limit=5');
    await call('get', `/groups/${w.groupId}`);
    await call('get', `/contacts?group_id=${w.groupId}`);
    const contact = await call('post', '/contacts', { phone: '+14155550100', custom_fields: { vip: true, visits: 2, note: null } });
    await call('patch', `/contacts/${contact.body.id}`, { first_name: 'Ana' });
    await call('post', '/webhooks', { url: `${t.url}/nowhere`, events: ['campaign.completed'] });
    const c = await call('post', '/campaigns', { name: 'contract', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } });
    const id = c.body.id;
    await call('patch', `/campaigns/${id}`, { batch_size: 3 });
    await call('get', `/campaigns/${id}/audience/preview`);
    await call('post', `/campaigns/${id}/audience/field-coverage`, { fields: ['first_name', 'custom_fields.order_id'] });
    await call('post', `/campaigns/${id}/preview`, {});
    await call('post', `/campaigns/${id}/send`);
    await eventually(async () => (await call('get', `/campaigns/${id}`)).body.status === 'COMPLETED', { what: 'campaign completed' });
    await call('get', '/campaigns?limit=5');
    await call('get', `/campaigns/${id}/recipients`);
    await call('get', `/campaigns/${id}/recipients/export?status=sent,delivered,read`);
    await call('get', `/campaigns/${id}/errors`);
    await call('get', `/campaigns/${id}/timeline`);
    await call('post', `/campaigns/${id}/refresh-metrics`);
    // Errors: a transition that is not allowed, bad input, a foreign id.
    await call('post', `/campaigns/${id}/pause`);
    await call('post', '/campaigns', { name: '', template_id: 42 });
    await call('get', '/campaigns/00000000-0000-4000-8000-000000000000');

    expect(checker.problems).toEqual([]);
    expect(checker.checked.size).toBeGreaterThanOrEqual(25);
  });
});
