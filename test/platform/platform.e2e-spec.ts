import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Server } from 'node:http';
import { Env, stableStringify } from '@app/platform';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';

describe('platform (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers liveness and readiness with Postgres and Redis checked', async () => {
    await t.http().get('/health/live').expect(200, { status: 'ok' });
    const ready = await t.http().get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
    await t.http().get(`${API}/health/live`).expect(200);
  });

  it('exposes Prometheus metrics', async () => {
    const res = await t.http().get('/metrics').expect(200);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('serves the OpenAPI document with bearer auth declared', async () => {
    const res = await t.http().get('/docs-json').expect(200);
    expect(res.body.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(Object.keys(res.body.paths)).toContain(`${API}/campaigns`);
    await t.http().get('/docs/').expect(200);
  });

  it('401 without a key, with an unknown key, and with a revoked key', async () => {
    const noKey = await t.http().get(`${API}/campaigns`).expect(401);
    expect(noKey.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHORIZED' });
    await t.http().get(`${API}/campaigns`).set('Authorization', 'Bearer wce_nope').expect(401);
    const k = await createWorkspaceKey(t);
    await t.http().get(`${API}/campaigns`).set(k.auth).expect(200);
    const { WorkspacesService } = await import('@app/platform');
    const svc = t.app.get(WorkspacesService);
    const other = await svc.createApiKey(k.workspaceId, ['campaigns:read']);
    await svc.revokeApiKey(other.id);
    await t.http().get(`${API}/campaigns`).set('Authorization', `Bearer ${other.key}`).expect(401);
  });

  it('403 with the error shape when the key lacks the scope', async () => {
    const k = await createWorkspaceKey(t, ['contacts:read']);
    const res = await t.http().get(`${API}/campaigns`).set(k.auth).expect(403);
    expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden', code: 'INSUFFICIENT_SCOPE' });
    expect(res.body.details.missing).toEqual(['campaigns:read']);
  });

  it('404 in the error shape for unknown routes', async () => {
    const res = await t.http().get(`${API}/nope`).expect(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', code: 'ROUTE_NOT_FOUND' });
  });

  it('400 MALFORMED_JSON for a broken body and 413 for an oversize one', async () => {
    const k = await createWorkspaceKey(t);
    const bad = await t.http().post(`${API}/campaigns`).set(k.auth).set('Content-Type', 'application/json').send('{"name": ').expect(400);
    expect(bad.body).toMatchObject({ code: 'MALFORMED_JSON', statusCode: 400 });
    const big = JSON.stringify({ name: 'x', description: 'y'.repeat(1024 * 1024 + 10) });
    const res = await t.http().post(`${API}/campaigns`).set(k.auth).set('Content-Type', 'application/json').send(big).expect(413);
    expect(res.body.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('lists every bad field of a validation failure', async () => {
    const k = await createWorkspaceKey(t);
    const res = await t.http().post(`${API}/campaigns`).set(k.auth).send({ name: '', batch_size: 5000, audience: { groups: ['x'] }, extra: 1 }).expect(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['audience.groups', 'batch_size', 'extra', 'name', 'template_id']);
  });

  it('404 for a malformed id, 400 for a bad cursor, never 500', async () => {
    const k = await createWorkspaceKey(t);
    const id = await t.http().get(`${API}/campaigns/not-a-uuid`).set(k.auth).expect(404);
    expect(id.body.code).toBe('CAMPAIGN_NOT_FOUND');
    const cur = await t.http().get(`${API}/campaigns?cursor=zzz`).set(k.auth).expect(400);
    expect(cur.body.code).toBe('INVALID_CURSOR');
    const lim = await t.http().get(`${API}/campaigns?limit=500`).set(k.auth).expect(400);
    expect(lim.body.code).toBe('VALIDATION_FAILED');
  });

  describe('Idempotency-Key', () => {
    const groups = `${API}/groups`;

    it('replays the first response, refuses another body with 422', async () => {
      const k = await createWorkspaceKey(t);
      const first = await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'k-1').send({ name: 'vip' }).expect(201);
      const replay = await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'k-1').send({ name: 'vip' }).expect(201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.text).toBe(first.text);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const reused = await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'k-1').send({ name: 'other' }).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const list = await t.http().get(groups).set(k.auth).expect(200);
      expect(list.body.data).toHaveLength(1);
    });

    it('keys are per workspace: the same key in another workspace is a new request', async () => {
      const a = await createWorkspaceKey(t);
      const b = await createWorkspaceKey(t);
      await t.http().post(groups).set(a.auth).set('Idempotency-Key', 'shared').send({ name: 'x' }).expect(201);
      const other = await t.http().post(groups).set(b.auth).set('Idempotency-Key', 'shared').send({ name: 'x' }).expect(201);
      expect(other.headers['idempotent-replayed']).toBeUndefined();
    });

    it('keys on the matched route: path variants that reach one route share one key', async () => {
      const k = await createWorkspaceKey(t);
      const variants = [`${API}/sources`, `${API}/sources/`, `${API}/Sources`];
      const answers = [];
      for (const path of variants) answers.push(await t.http().post(path).set(k.auth).set('Idempotency-Key', 'one').send({ name: 'x' }).expect(201));
      expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
      expect(answers.slice(1).map((a) => a.headers['idempotent-replayed'])).toEqual(['true', 'true']);
      expect((await t.http().get(`${API}/sources`).set(k.auth).expect(200)).body.data).toHaveLength(1);
    });

    it('stores answers sealed, so a secret shown once (a webhook signing secret) is never in the table in clear', async () => {
      const k = await createWorkspaceKey(t);
      const body = { url: 'https://example.com/hooks', events: ['*'] };
      const first = await t.http().post(`${API}/webhooks`).set(k.auth).set('Idempotency-Key', 'hook').send(body).expect(201);
      expect(first.body.secret).toEqual(expect.any(String));
      const stored = JSON.stringify(await t.app.get(DataSource).query(`SELECT * FROM idempotency_keys WHERE workspace_id = $1`, [k.workspaceId]));
      expect(stored).not.toContain(first.body.secret);
      expect(stored).not.toContain(first.body.id);
      const again = await t.http().post(`${API}/webhooks`).set(k.auth).set('Idempotency-Key', 'hook').send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.body).toEqual(first.body);
    });

    it('409 while the first request is still in flight', async () => {
      const k = await createWorkspaceKey(t);
      // As the first request leaves it while it is being served: claimed, same body, no response yet.
      const hash = createHash('sha256').update(stableStringify({ name: 'x' })).digest('hex');
      await t.app.get(DataSource).query(
        `INSERT INTO idempotency_keys (workspace_id, key, method, route, request_hash) VALUES ($1, 'busy', 'POST', $2, $3)`,
        [k.workspaceId, groups, hash],
      );
      const res = await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'busy').send({ name: 'x' }).expect(409);
      expect(res.body.code).toBe('IDEMPOTENCY_KEY_IN_USE');
    });

    it('expires after 24 hours', async () => {
      const k = await createWorkspaceKey(t);
      await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'old').send({ name: 'first' }).expect(201);
      await t.app.get(DataSource).query(`UPDATE idempotency_keys SET created_at = now() - interval '25 hours' WHERE workspace_id = $1`, [k.workspaceId]);
      const fresh = await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'old').send({ name: 'second' }).expect(201);
      expect(fresh.headers['idempotent-replayed']).toBeUndefined();
      expect(fresh.body.name).toBe('second');
    });

    it('400 for a key longer than 255 characters', async () => {
      const k = await createWorkspaceKey(t);
      const res = await t.http().post(groups).set(k.auth).set('Idempotency-Key', 'x'.repeat(256)).send({ name: 'x' }).expect(400);
      expect(res.body.code).toBe('INVALID_IDEMPOTENCY_KEY');
    });

    it('is documented on every POST in the OpenAPI document', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body;
      const posts = Object.entries(doc.paths as Record<string, { post?: { parameters?: Array<{ name: string }> } }>).filter(
        ([path, item]) => item.post && !path.endsWith('/webhooks/whatsapp'),
      );
      expect(posts.length).toBeGreaterThan(10);
      for (const [, item] of posts) expect(item.post!.parameters!.map((p) => p.name)).toContain('Idempotency-Key');
    });
  });

  it('documents scopes and error responses on every authenticated operation', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[]; responses: Record<string, unknown> }>>)) {
      if (path.includes('/webhooks/whatsapp')) continue;
      for (const [method, op] of Object.entries(item)) {
        expect([`${method} ${path}`, op.security]).toEqual([`${method} ${path}`, [{ bearer: [] }]]);
        expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
      }
    }
  });

  it('sends security headers and no X-Powered-By, on API, operations and docs routes', async () => {
    for (const path of [`${API}/campaigns`, '/health/live', '/docs/']) {
      const res = await t.http().get(path);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'SAMEORIGIN' });
      expect(res.headers['content-security-policy']).toContain("default-src 'self'");
      expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    }
  });

  it('bounds how long a client may take to send a request', async () => {
    const env = t.app.get(Env);
    const server = t.app.getHttpServer() as Server;
    expect(server.requestTimeout).toBe(env.HTTP_REQUEST_TIMEOUT_MS);
    expect(server.headersTimeout).toBe(env.HTTP_HEADERS_TIMEOUT_MS);
    expect(server.requestTimeout).toBeLessThan(300_000);
  });

  it('429 with Retry-After and the error shape past the per-key and per-IP limits, counted in Redis across processes', async () => {
    const limits = { RATE_LIMIT_PER_KEY_PER_MINUTE: '3', RATE_LIMIT_PER_IP_PER_MINUTE: '2' };
    const a = await createTestApp({ env: limits });
    // A second process sharing the first one's Redis namespace: the count is shared, not per process.
    const b = await createTestApp({ env: { ...limits, QUEUE_PREFIX: a.app.get(Env).QUEUE_PREFIX } });
    try {
      const k = await createWorkspaceKey(a);
      const other = await createWorkspaceKey(a);
      const statuses = [];
      for (const app of [a, b, a, b]) statuses.push((await app.http().get(`${API}/sources`).set(k.auth)).status);
      expect(statuses).toEqual([200, 200, 200, 429]);
      const limited = await a.http().get(`${API}/sources`).set(k.auth).expect(429);
      expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests', code: 'TOO_MANY_REQUESTS', message: expect.any(String) });
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      // Another key has its own budget.
      await a.http().get(`${API}/sources`).set(other.auth).expect(200);
      // Without a key, per IP; health and metrics are never limited.
      const anonymous = [];
      for (let i = 0; i < 3; i++) anonymous.push((await a.http().get(`${API}/sources`)).status);
      expect(anonymous).toEqual([401, 401, 429]);
      for (let i = 0; i < 5; i++) await a.http().get('/health/live').expect(200);
    } finally {
      await b.close();
      await a.close();
    }
  });

  it('echoes X-Request-Id', async () => {
    const res = await t.http().get('/health/live').set('X-Request-Id', 'req-123').expect(200);
    expect(res.headers['x-request-id']).toBe('req-123');
  });
});
