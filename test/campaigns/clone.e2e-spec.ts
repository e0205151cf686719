import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

type Campaign = {
  id: string; name: string; status: string; template_id: string; channel_id: string; batch_size: number; batch_delay_ms: number;
  variable_mapping: unknown; audience: { groups: string[]; sources: string[] }; stats: Record<string, number>;
};

describe('clone a campaign (e2e)', () => {
  let t: TestApp;
  let w: World;
  let sent: Campaign;
  const http = () => t.http().set(w.key.auth);
  const get = async (id: string) => (await http().get(`${API}/campaigns/${id}`).expect(200)).body as Campaign;

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    // 20 contacts: numbers ending in 1 are refused (131026), ending in 2 are delivered but never read.
    w = await createWorld(t, {
      contacts: 20,
      phoneOffset: 9400,
      sandbox: { scenarios: [{ match: { suffix: '1' }, error_code: 131026 }, { match: { suffix: '2' }, never_read: true }] as never },
    });
    const body = { name: 'Spring sale', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 7, batch_delay_ms: 5 };
    const created = (await http().post(`${API}/campaigns`).send(body).expect(201)).body as Campaign;
    await http().post(`${API}/campaigns/${created.id}/send`).expect(200);
    sent = await eventually(async () => {
      const c = await get(created.id);
      return c.status === 'COMPLETED' && c.stats.read === 16 ? c : null;
    }, { what: 'first campaign done' });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('copies template, channel, mapping, audience and batch settings into a new DRAFT named "<name> (copy)"', async () => {
    const copy = (await http().post(`${API}/campaigns/${sent.id}/clone`).send({}).expect(201)).body as Campaign;
    expect(copy.id).not.toBe(sent.id);
    expect(copy).toMatchObject({
      name: 'Spring sale (copy)', status: 'DRAFT', template_id: sent.template_id, channel_id: sent.channel_id, batch_size: 7, batch_delay_ms: 5,
      variable_mapping: sent.variable_mapping, audience: { groups: [w.groupId], sources: [] },
    });
    expect(copy.stats).toMatchObject({ total: 0, sent: 0 });
    const named = (await http().post(`${API}/campaigns/${sent.id}/clone`).send({ name: 'Again' }).expect(201)).body as Campaign;
    expect(named.name).toBe('Again');
    // The source is untouched.
    expect((await get(sent.id)).status).toBe('COMPLETED');
  });

  it.each([
    ['failed', 2],
    ['not_delivered', 2],
    ['not_read', 4],
  ])('audience "%s" is a new group of those recipients, materialised at clone time', async (outcome, size) => {
    const copy = (await http().post(`${API}/campaigns/${sent.id}/clone`).send({ audience: outcome }).expect(201)).body as Campaign;
    expect(copy.audience.sources).toEqual([]);
    expect(copy.audience.groups).toHaveLength(1);
    const group = (await http().get(`${API}/groups/${copy.audience.groups[0]}`).expect(200)).body;
    expect(group).toMatchObject({ name: `Spring sale — ${outcome}`, member_count: size });
    const members = (await http().get(`${API}/contacts`).query({ group_id: group.id, limit: 50 }).expect(200)).body.data as Array<{ phone: string }>;
    const suffixes = outcome === 'not_read' ? ['1', '2'] : ['1'];
    for (const m of members) expect(suffixes).toContain(m.phone.slice(-1));
  });

  it('refuses an outcome nobody has (422, no group made), hostile input (400) and another workspace (404)', async () => {
    const draft = (await http().post(`${API}/campaigns`).send({ name: 'never sent', template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201)).body as Campaign;
    const groupsBefore = (await http().get(`${API}/groups`).query({ limit: 200 }).expect(200)).body.data.length;
    expect((await http().post(`${API}/campaigns/${draft.id}/clone`).send({ audience: 'failed' }).expect(422)).body.code).toBe('OUTCOME_AUDIENCE_EMPTY');
    expect((await http().get(`${API}/groups`).query({ limit: 200 }).expect(200)).body.data).toHaveLength(groupsBefore);
    for (const body of [{ audience: 'everyone' }, { name: '' }, { name: 'x'.repeat(121) }, { name: 'a\u0000b' }, { name: null }, { audience: 7 }]) {
      const r = await http().post(`${API}/campaigns/${sent.id}/clone`).send(body);
      expect([JSON.stringify(body).slice(0, 40), r.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
    const other = await createWorkspaceKey(t);
    expect((await t.http().set(other.auth).post(`${API}/campaigns/${sent.id}/clone`).send({}).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    expect((await t.http().set(other.auth).post(`${API}/campaigns/not-a-uuid/clone`).send({}).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
  });
});
