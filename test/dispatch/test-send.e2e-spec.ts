import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, ORDER_MAPPING, phoneFor, World } from '../support/world';

describe('test send (e2e)', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http().set(w.key.auth);
  const create = async (body: object = {}) =>
    (await http().post(`${API}/campaigns`).send({ name: 'c', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, ...body }).expect(201)).body;

  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    w = await createWorld(t, { contacts: 3, phoneOffset: 9500, sandbox: { scenarios: [{ match: { phone: '+12025559999' }, error_code: 131026 }] as never } });
    // A contact outside the audience: a test may go to anyone of the workspace.
    await http().post(`${API}/contacts`).send({ phone: '+12025559999', first_name: 'Ops', custom_fields: { order_id: 'ORD-TEST' } }).expect(201);
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('renders as the campaign would, sends now, answers per phone and leaves state and stats alone', async () => {
    const c = await create();
    const [known, byId] = w.contacts;
    const res = await http()
      .post(`${API}/campaigns/${c.id}/test`)
      .send({ phones: [known.phone, '+12025559999', '+12025559998'], contact_ids: [byId.id] })
      .expect(200);
    const answers = res.body.data as Array<{ phone: string; contact_id: string | null; wamid: string | null; error: { code: string } | null }>;
    const of = (phone: string) => answers.find((a) => a.phone === phone)!;
    expect(answers).toHaveLength(4);
    // A contact's number is rendered with its fields; the answer carries Meta's message id.
    expect(of(known.phone)).toMatchObject({ contact_id: known.id, error: null, wamid: expect.stringMatching(/^wamid\./) });
    expect(of(byId.phone)).toMatchObject({ contact_id: byId.id, error: null, wamid: expect.stringMatching(/^wamid\./) });
    // Meta's refusal is answered per phone.
    expect(of('+12025559999')).toMatchObject({ contact_id: expect.any(String), wamid: null, error: { code: '131026' } });
    // A number no contact has can't fill the order id, which has no fallback.
    expect(of('+12025559998')).toMatchObject({ wamid: null, error: { code: 'MISSING_VARIABLE' } });

    const sentTo = w.sandbox.state.messages.filter((m) => [known.phone, byId.phone].includes(`+${m.wa_id}`));
    expect(sentTo).toHaveLength(2);
    const i = Number(known.phone.slice(-4));
    expect(JSON.stringify(sentTo.find((m) => `+${m.wa_id}` === known.phone)!.parameters)).toContain(`ORD-${i}`);

    const after = (await http().get(`${API}/campaigns/${c.id}`).expect(200)).body;
    expect(after).toMatchObject({ status: 'DRAFT', updated_at: c.updated_at });
    expect(after.stats).toMatchObject({ total: 0, sent: 0, failed: 0 });
    const timeline = (await http().get(`${API}/campaigns/${c.id}/timeline`).query({ bucket: '1h' }).expect(200)).body;
    expect(timeline.series.reduce((n: number, p: { test: number }) => n + p.test, 0)).toBe(4);
    expect(timeline.series.reduce((n: number, p: { sent: number }) => n + p.sent, 0)).toBe(0);
  });

  it('is allowed in DRAFT and SCHEDULED only', async () => {
    const scheduled = await create({ scheduled_at: new Date(Date.now() + 3_600_000).toISOString() });
    await http().post(`${API}/campaigns/${scheduled.id}/test`).send({ phones: [phoneFor(9500)] }).expect(200);
    await http().post(`${API}/campaigns/${scheduled.id}/stop`).expect(200);
    const refused = await http().post(`${API}/campaigns/${scheduled.id}/test`).send({ phones: [phoneFor(9500)] }).expect(400);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
  });

  it('refuses hostile input and answers 404 for another workspace', async () => {
    const c = await create();
    const eleven = Array.from({ length: 11 }, (_, i) => phoneFor(9600 + i));
    for (const body of [{}, { phones: [] }, { phones: eleven }, { phones: ['12025550100'] }, { phones: ['+1202555\u00000100'] }, { contact_ids: ['nope'] }, { phones: 'x' }, { phones: [phoneFor(1)], contact_ids: Array.from({ length: 10 }, () => w.contacts[0].id).map((id, i) => id.slice(0, -2) + String(10 + i)) }]) {
      const r = await http().post(`${API}/campaigns/${c.id}/test`).send(body);
      expect([JSON.stringify(body).slice(0, 50), r.status]).toEqual([JSON.stringify(body).slice(0, 50), 400]);
    }
    const other = await createWorkspaceKey(t);
    expect((await t.http().set(other.auth).post(`${API}/campaigns/${c.id}/test`).send({ phones: [phoneFor(1)] }).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    // Another workspace's contact is not found, never rendered.
    const theirs = await t.http().set(other.auth).post(`${API}/contacts`).send({ phone: phoneFor(9700) }).expect(201);
    const r = await http().post(`${API}/campaigns/${c.id}/test`).send({ contact_ids: [theirs.body.id] }).expect(200);
    expect(r.body.data).toEqual([{ phone: '', contact_id: theirs.body.id, wamid: null, error: expect.objectContaining({ code: 'CONTACT_NOT_FOUND' }) }]);
  });
});
