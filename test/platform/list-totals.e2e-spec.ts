import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, ORDER_MAPPING, ORDER_TEMPLATE, World } from '../support/world';
import { seedRecipients } from '../analytics/helpers';

type PageBody = { data: unknown[]; next_cursor: string | null; total?: number; recipients?: unknown[] };

describe('list pages: newest first, page sizes and include_total (e2e)', () => {
  let t: TestApp;
  let w: World;
  let intruder: TestKey;
  let campaignId: string;
  let webhookId: string;
  const http = () => t.http().set(w.key.auth);
  /** Each list with how many items the world below holds in it. */
  const lists: Array<{ path: () => string; query?: Record<string, string>; count: number; items?: 'recipients' }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t, { contacts: 5 });
    intruder = await createWorkspaceKey(t);
    for (let i = 0; i < 3; i++) await http().post(`${API}/groups`).send({ name: `g${i}` }).expect(201);
    for (let i = 0; i < 3; i++) await http().post(`${API}/sources`).send({ name: `s${i}` }).expect(201);
    for (let i = 0; i < 2; i++) await http().post(`${API}/templates`).send({ ...ORDER_TEMPLATE, name: `extra_${i}` }).expect(201);
    webhookId = (await http().post(`${API}/webhooks`).send({ url: `${t.url}/nowhere`, events: ['*'] }).expect(201)).body.id;
    await http().post(`${API}/webhooks`).send({ url: `${t.url}/elsewhere`, events: ['*'] }).expect(201);
    for (let i = 0; i < 3; i++) await http().post(`${API}/webhooks/${webhookId}/test`).expect(202);
    campaignId = (await http().post(`${API}/campaigns`).send({ name: 'c0', template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201)).body.id;
    for (let i = 1; i < 3; i++) await http().post(`${API}/campaigns`).send({ name: `c${i}`, template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201);
    const at = new Date().toISOString();
    await seedRecipients(t, campaignId, [
      ...Array.from({ length: 3 }, () => ({ status: 'failed' as const, error_code: '131026', error_message: 'x', failed_at: at, created_at: at })),
      ...Array.from({ length: 2 }, () => ({ status: 'sent' as const, sent_at: at, created_at: at })),
    ]);
    lists.push(
      { path: () => '/campaigns', count: 3 },
      { path: () => '/campaigns', query: { status: 'DRAFT' }, count: 3 },
      { path: () => '/contacts', count: 5 },
      { path: () => '/contacts', query: { group_id: w.groupId }, count: 5 },
      { path: () => '/groups', count: 4 },
      { path: () => '/sources', count: 3 },
      { path: () => '/templates', count: 3 },
      { path: () => '/channels', count: 1 },
      { path: () => '/webhooks', count: 2 },
      { path: () => `/webhooks/${webhookId}/deliveries`, count: 3 },
      { path: () => `/campaigns/${campaignId}/recipients`, count: 5 },
      { path: () => `/campaigns/${campaignId}/recipients`, query: { status: 'failed' }, count: 3 },
      { path: () => `/campaigns/${campaignId}/errors/131026`, count: 3, items: 'recipients' },
    );
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('answers total on every list with include_total=true, on every page, counting the filter and not the cursor', async () => {
    expect(lists.length).toBeGreaterThan(10);
    for (const l of lists) {
      const first = await http().get(`${API}${l.path()}`).query({ ...l.query, include_total: 'true', limit: 1 }).expect(200);
      const body: PageBody = first.body;
      expect({ path: l.path(), query: l.query, total: body.total }).toEqual({ path: l.path(), query: l.query, total: l.count });
      if (l.count > 1) {
        expect(body.next_cursor).toEqual(expect.any(String));
        const second = await http().get(`${API}${l.path()}`).query({ ...l.query, include_total: 'true', limit: 1, cursor: body.next_cursor! }).expect(200);
        expect(second.body.total).toBe(l.count);
      } else expect(body.next_cursor).toBeNull();
      // Without the flag the answer stays {data, next_cursor}: no count is paid for.
      const plain = await http().get(`${API}${l.path()}`).query({ ...l.query, limit: 1 }).expect(200);
      expect(Object.keys(plain.body).sort()).toEqual(l.items ? ['error_code', 'next_cursor', 'recipients'] : ['data', 'next_cursor']);
      const off = await http().get(`${API}${l.path()}`).query({ ...l.query, include_total: 'false' }).expect(200);
      expect(off.body.total).toBeUndefined();
    }
  });

  it('400 VALIDATION_FAILED for an include_total that is not true or false', async () => {
    for (const value of ['yes', '1', '', 'TRUE ', 'x'.repeat(5000)]) {
      for (const path of ['/campaigns', '/contacts', '/webhooks', `/campaigns/${campaignId}/recipients`]) {
        expect((await http().get(`${API}${path}`).query({ include_total: value }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      }
    }
  });

  it('counts only the caller\'s workspace', async () => {
    const res = await t.http().set(intruder.auth).get(`${API}/campaigns`).query({ include_total: 'true' }).expect(200);
    expect(res.body).toEqual({ data: [], next_cursor: null, total: 0 });
    expect((await t.http().set(intruder.auth).get(`${API}/campaigns/${campaignId}/recipients`).query({ include_total: 'true' }).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
  });

  it('GET /campaigns is newest first and answers 200 per page by default', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 60; i++) {
      ids.push((await http().post(`${API}/campaigns`).send({ name: `n${i}`, template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201)).body.id);
    }
    const res = await http().get(`${API}/campaigns`).query({ include_total: 'true' }).expect(200);
    expect(res.body.total).toBe(63);
    expect(res.body.data).toHaveLength(63);
    expect(res.body.data.slice(0, 60).map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
    expect(res.body.next_cursor).toBeNull();
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const limit = doc.paths['/api/v1/public/campaigns'].get.parameters.find((p: { name: string }) => p.name === 'limit');
    expect(limit.schema).toMatchObject({ default: 200, maximum: 200 });
  });
});
