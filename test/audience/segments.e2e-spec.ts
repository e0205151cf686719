import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, phoneFor, World } from '../support/world';
import { createGroup, createSource, phone } from './helpers';

type Recipient = { phone_number: string; status: string; variables: Record<string, unknown> };

describe('segments (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  const worlds: World[] = [];

  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    k = await createWorkspaceKey(t, ['*']);
  });
  afterAll(async () => {
    for (const w of worlds) await w.sandbox.close();
    await t.close();
  });

  const http = (key = k) => ({
    post: (path: string, body: object) => t.http().post(`${API}${path}`).set(key.auth).send(body),
    patch: (path: string, body: object) => t.http().patch(`${API}${path}`).set(key.auth).send(body),
    get: (path: string) => t.http().get(`${API}${path}`).set(key.auth),
    del: (path: string) => t.http().delete(`${API}${path}`).set(key.auth),
  });
  const segment = async (conditions: object[], match = 'all', key = k) =>
    (await http(key).post('/segments', { name: 'seg', match, conditions }).expect(201)).body as { id: string };
  const matched = async (conditions: object[], match = 'all', key = k) => {
    const { id } = await segment(conditions, match, key);
    const res = await http(key).get(`/segments/${id}/preview?sample=50`).expect(200);
    return (res.body.sample as Array<{ phone: string }>).map((c) => c.phone).sort();
  };

  it('filters contacts on custom fields, dates and memberships, with all/any', async () => {
    const ws = await createWorkspaceKey(t, ['*']);
    const group = await createGroup(t, ws, 'vip');
    const source = await createSource(t, ws, 'shop');
    const p = Array.from({ length: 5 }, () => phone());
    const rows = [
      { phone: p[0], custom_fields: { plan: 'gold', score: 80, signup: '2024-05-01', note: 'Likes 100% cotton' } },
      { phone: p[1], custom_fields: { plan: 'silver', score: '20', signup: '2023-01-10' } },
      { phone: p[2], custom_fields: { plan: 'gold', score: 'n/a', vip: true } },
      { phone: p[3], custom_fields: { plan: null } },
      { phone: p[4] },
    ];
    await http(ws).post('/contacts/bulk', { contacts: rows.slice(0, 2), group_ids: [group] }).expect(200);
    await http(ws).post('/contacts/bulk', { contacts: rows.slice(2), source_id: source }).expect(200);
    const sorted = (...i: number[]) => i.map((n) => p[n]).sort();

    expect(await matched([{ field: 'custom_fields.plan', op: 'eq', value: 'gold' }], 'all', ws)).toEqual(sorted(0, 2));
    expect(await matched([{ field: 'custom_fields.plan', op: 'neq', value: 'gold' }], 'all', ws)).toEqual(sorted(1, 3, 4));
    expect(await matched([{ field: 'custom_fields.plan', op: 'in', value: ['silver', 'bronze'] }], 'all', ws)).toEqual(sorted(1));
    expect(await matched([{ field: 'custom_fields.plan', op: 'exists' }], 'all', ws)).toEqual(sorted(0, 1, 2));
    expect(await matched([{ field: 'custom_fields.plan', op: 'not_exists' }], 'all', ws)).toEqual(sorted(3, 4));
    // 80 is stored as a number, "20" as text: both compare as numbers; "n/a" matches neither side.
    expect(await matched([{ field: 'custom_fields.score', op: 'gt', value: 50 }], 'all', ws)).toEqual(sorted(0));
    expect(await matched([{ field: 'custom_fields.score', op: 'lt', value: 50 }], 'all', ws)).toEqual(sorted(1));
    expect(await matched([{ field: 'custom_fields.score', op: 'eq', value: 20 }], 'all', ws)).toEqual(sorted(1));
    expect(await matched([{ field: 'custom_fields.vip', op: 'eq', value: 'true' }], 'all', ws)).toEqual(sorted(2));
    expect(await matched([{ field: 'custom_fields.signup', op: 'gt', value: '2024-01-01' }], 'all', ws)).toEqual(sorted(0));
    expect(await matched([{ field: 'custom_fields.note', op: 'contains', value: '100%' }], 'all', ws)).toEqual(sorted(0));
    expect(await matched([{ field: 'custom_fields.note', op: 'contains', value: '_' }], 'all', ws)).toEqual([]);
    expect(await matched([{ field: 'group', op: 'in', value: [group] }], 'all', ws)).toEqual(sorted(0, 1));
    expect(await matched([{ field: 'source', op: 'not_in', value: [source] }], 'all', ws)).toEqual(sorted(0, 1));
    expect(await matched([{ field: 'created_at', op: 'gt', value: '2000-01-01T00:00:00Z' }], 'all', ws)).toEqual(sorted(0, 1, 2, 3, 4));
    expect(await matched([{ field: 'created_at', op: 'lt', value: '2000-01-01' }], 'all', ws)).toEqual([]);
    const both = [
      { field: 'custom_fields.plan', op: 'eq', value: 'gold' },
      { field: 'source', op: 'in', value: [source] },
    ];
    expect(await matched(both, 'all', ws)).toEqual(sorted(2));
    expect(await matched(both, 'any', ws)).toEqual(sorted(0, 2, 3, 4));

    const { id } = await segment([{ field: 'custom_fields.plan', op: 'eq', value: 'gold' }], 'all', ws);
    const preview = await http(ws).get(`/segments/${id}/preview?sample=1`).expect(200);
    expect(preview.body).toMatchObject({ total: 2, opted_out: 0 });
    expect(preview.body.sample).toHaveLength(1);
  });

  it('does CRUD, names the bad condition with 422, and answers another workspace 404', async () => {
    const created = await http().post('/segments', { name: 'Gold', match: 'any', conditions: [{ field: 'custom_fields.plan', op: 'eq', value: 'gold' }] }).expect(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({ name: 'Gold', match: 'any', description: null, conditions: [{ field: 'custom_fields.plan', op: 'eq', value: 'gold' }] });
    expect((await http().get(`/segments/${id}`).expect(200)).body.name).toBe('Gold');
    expect((await http().get('/segments?limit=200').expect(200)).body.data.map((s: { id: string }) => s.id)).toContain(id);
    const patched = await http().patch(`/segments/${id}`, { name: 'Gold+', match: 'all' }).expect(200);
    expect(patched.body).toMatchObject({ name: 'Gold+', match: 'all', conditions: created.body.conditions });

    const bad = await http()
      .post('/segments', {
        name: 'bad',
        match: 'all',
        conditions: [
          { field: 'custom_fields.plan', op: 'eq', value: 'gold' },
          { field: 'custom_fields.score', op: 'gt', value: 'lots' },
          { field: 'colour', op: 'eq', value: 'red' },
        ],
      })
      .expect(422);
    expect(bad.body.code).toBe('INVALID_SEGMENT');
    expect(bad.body.details.problems.map((p: { condition: string }) => p.condition)).toEqual(['conditions[1]', 'conditions[2]']);
    expect(bad.body.message).toContain('conditions[1]');
    await http().post('/segments', { name: 'x', match: 'some', conditions: [] }).expect(422);
    await http().patch(`/segments/${id}`, { conditions: [{ field: 'group', op: 'in', value: ['3f1c9a70-6c55-4f3e-9e1f-0a4a1c1f2b7e'] }] }).expect(422)
      .expect((r) => expect(r.body.details.problems[0]).toEqual({ condition: 'conditions[0]', message: expect.stringContaining('not found') }));
    // Hostile input: wrong types, NUL, huge.
    await http().post('/segments', { name: 'x', match: 'all', conditions: 'eq' }).expect(422);
    await http().post('/segments', { name: 'x', match: 'all', conditions: [{ field: 'custom_fields.a', op: 'eq', value: { $gt: 1 } }] }).expect(422);
    await http().post('/segments', { name: 'x\u0000', match: 'all', conditions: [{ field: 'created_at', op: 'gt', value: '2024-01-01' }] }).expect(400);
    await http().post('/segments', { name: 'x', match: 'all', conditions: [{ field: `custom_fields.${'k'.repeat(65)}`, op: 'exists' }] }).expect(422);
    await http().post('/segments', { name: 'x', match: 'all', conditions: Array.from({ length: 51 }, () => ({ field: 'created_at', op: 'gt', value: '2024-01-01' })) }).expect(422);
    await http().post('/segments', { name: 'x', match: 'all', conditions: [{ field: 'created_at', op: 'gt', value: '2024-02-30T99:00' }] }).expect(422);

    const other = await createWorkspaceKey(t, ['*']);
    await http(other).get(`/segments/${id}`).expect(404).expect((r) => expect(r.body.code).toBe('SEGMENT_NOT_FOUND'));
    await http(other).get(`/segments/${id}/preview`).expect(404);
    await http(other).patch(`/segments/${id}`, { name: 'mine' }).expect(404);
    await http(other).del(`/segments/${id}`).expect(404);
    expect((await http(other).get('/segments').expect(200)).body.data).toEqual([]);
    // A foreign segment in a campaign audience is unknown here.
    const w = await createWorld(t);
    worlds.push(w);
    const res = await http(w.key).post('/campaigns', { name: 'c', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { segments: [id] } }).expect(400);
    expect(res.body).toMatchObject({ code: 'INVALID_AUDIENCE', details: { missing_segments: [id] } });

    await http().del(`/segments/${id}`).expect(204);
    await http().get(`/segments/${id}`).expect(404);
  });

  it('targets the outcome of a past campaign, and a campaign audience of segments and contact ids resolves set-based', async () => {
    const w = await createWorld(t, {
      contacts: 6,
      contactFields: (i) => ({ custom_fields: { order_id: `ORD-${i}`, tier: i < 2 ? 'gold' : 'basic' } }),
      sandbox: { scenarios: [{ match: { phone: phoneFor(1) }, error_code: 131026 }, { match: { phone: phoneFor(2) }, never_read: true }] },
    });
    worlds.push(w);
    const api = http(w.key);
    const first = (await api.post('/campaigns', { name: 'first', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } }).expect(201)).body;
    await api.post(`/campaigns/${first.id}/send`, {}).expect(200);
    await eventually(async () => {
      const c = (await api.get(`/campaigns/${first.id}`).expect(200)).body;
      return c.status === 'COMPLETED' && c.stats.read === 4 && c.stats.delivered === 5 && c;
    }, { what: 'first campaign done and read', timeoutMs: 60_000 });

    const phones = (...i: number[]) => i.map(phoneFor).sort();
    const outcome = (op: string) => matched([{ field: 'campaign', op, value: first.id }], 'all', w.key);
    expect(await outcome('read')).toEqual(phones(0, 3, 4, 5));
    expect(await outcome('received')).toEqual(phones(0, 2, 3, 4, 5));
    expect(await outcome('sent')).toEqual(phones(0, 2, 3, 4, 5));
    expect(await outcome('failed')).toEqual(phones(1));

    // Follow-up to the gold tier who received it (phone 1 failed), plus one contact by id.
    const goldReceived = await segment([{ field: 'campaign', op: 'received', value: first.id }, { field: 'custom_fields.tier', op: 'neq', value: 'basic' }], 'all', w.key);
    const byId = w.contacts.find((c) => c.phone === phoneFor(5))!.id;
    const follow = (await api.post('/campaigns', { name: 'follow', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { segments: [goldReceived.id], contact_ids: [byId] } }).expect(201)).body;
    expect(follow.audience).toEqual({ groups: [], sources: [], segments: [goldReceived.id], contact_ids: [byId] });
    expect((await api.get(`/campaigns/${follow.id}/audience/preview`).expect(200)).body.total).toBe(2);
    await api.post(`/campaigns/${follow.id}/send`, {}).expect(200);
    const done = await eventually(async () => {
      const c = (await api.get(`/campaigns/${follow.id}`).expect(200)).body;
      return c.status === 'COMPLETED' && c;
    }, { what: 'follow-up completed', timeoutMs: 60_000 });
    expect(done.total_recipients).toBe(2);
    const recipients = (await api.get(`/campaigns/${follow.id}/recipients?limit=200`).expect(200)).body.data as Recipient[];
    expect(recipients.map((r) => r.phone_number).sort()).toEqual(phones(0, 5));
    expect((await api.get(`/campaigns/${follow.id}`).expect(200)).body.audiences).toEqual([{ type: 'segment', id: goldReceived.id, name: 'seg', contact_count: null }]);

    // Unknown contact ids are refused by name.
    const stranger = (await http().post('/contacts', { phone: phone() }).expect(201)).body.id;
    const refused = await api.post('/campaigns', { name: 'x', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { contact_ids: [stranger] } }).expect(400);
    expect(refused.body.details.missing_contact_ids).toEqual([stranger]);
  });
});
