import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, phoneFor, World } from '../support/world';

type Recipient = { contact_id: string; phone_number: string; status: string; variables: Record<string, string> | null };

describe('explicit recipients, per-recipient variables and field chains (e2e)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp({ workers: true });
    w = await createWorld(t, { contacts: 3, contactFields: (i) => (i === 1 ? { custom_fields: { order_id: 'ORD-1', nickname: 'Bobby' } } : {}) });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  const http = (key = w.key) => ({
    post: (path: string, body: object) => t.http().post(`${API}${path}`).set(key.auth).send(body),
    get: (path: string) => t.http().get(`${API}${path}`).set(key.auth),
  });
  // The header takes the nickname, else the first name, else "there".
  const mapping = { ...ORDER_MAPPING, header: { '1': { field: ['custom_fields.nickname', 'first_name'], fallback: 'there' } } };
  const create = async (audience: object) =>
    (await http().post('/campaigns', { name: 'r', template_id: w.templateId, variable_mapping: mapping, audience }).expect(201)).body as { id: string };

  it('sends to added recipients with their own values winning over the mapping', async () => {
    const c = await create({ groups: [w.groupId] });
    const newPhone = phoneFor(900);
    const [first, second] = w.contacts.sort((a, b) => a.phone.localeCompare(b.phone));
    const added = await http()
      .post(`/campaigns/${c.id}/recipients`, {
        recipients: [
          { contact_id: first.id, variables: { '1': 'Asha', 'body.2': 'VIP-1' } },
          { phone: newPhone, variables: { '2': 'NEW-9', 'buttons.0.1': 'NEW-9' } },
          { phone: '+1415' },
          { contact_id: randomUUID() },
          { contact_id: first.id },
          { phone: phoneFor(901), variables: { '9': 'x' } },
          { phone: phoneFor(902), variables: { '1': { nested: true } } },
        ],
      })
      .expect(200);
    expect(added.body).toEqual({
      added: 2,
      updated: 0,
      contacts_created: 1,
      failed: [
        { index: 2, code: 'INVALID_PHONE', message: expect.any(String) },
        { index: 3, code: 'CONTACT_NOT_FOUND', message: expect.any(String) },
        { index: 4, code: 'DUPLICATE_RECIPIENT', message: expect.stringContaining('recipient 0') },
        { index: 5, code: 'INVALID_VARIABLES', message: expect.stringContaining('placeholder 9') },
        { index: 6, code: 'INVALID_VARIABLES', message: expect.any(String) },
      ],
    });
    // Adding one again replaces its values.
    const again = await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ contact_id: first.id, variables: { '1': 'Asha', 'body.2': 'VIP-2' } }] }).expect(200);
    expect(again.body).toMatchObject({ added: 0, updated: 1, contacts_created: 0, failed: [] });

    const preview = await http().post(`/campaigns/${c.id}/preview`, { sample_contact_id: first.id }).expect(200);
    const body = preview.body.resolved_components.find((x: { type: string }) => x.type === 'BODY');
    expect(body.text).toBe('Hi Asha, your order VIP-2 has shipped.');
    expect((await http().get(`/campaigns/${c.id}/audience/preview`).expect(200)).body.total).toBe(4);

    await http().post(`/campaigns/${c.id}/send`, {}).expect(200);
    await eventually(async () => (await http().get(`/campaigns/${c.id}`).expect(200)).body.status === 'COMPLETED', { what: 'completed', timeoutMs: 60_000 });
    const recipients = (await http().get(`/campaigns/${c.id}/recipients?limit=200`).expect(200)).body.data as Recipient[];
    const byPhone = new Map(recipients.map((r) => [r.phone_number, r]));
    expect(recipients).toHaveLength(4);
    expect(byPhone.get(first.phone)).toMatchObject({ status: expect.stringMatching(/sent|delivered|read/), variables: { 'header.1': 'Name0', 'body.1': 'Asha', 'body.2': 'VIP-2' } });
    expect(byPhone.get(second.phone)!.variables).toMatchObject({ 'header.1': 'Bobby', 'body.1': 'Name1', 'body.2': 'ORD-1' });
    expect(byPhone.get(newPhone)!.variables).toEqual({ 'header.1': 'there', 'body.1': 'there', 'body.2': 'NEW-9', 'buttons.0.1': 'NEW-9' });

    // Only while DRAFT or PAUSED.
    const refused = await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ contact_id: first.id }] }).expect(400);
    expect(refused.body.code).toBe('INVALID_TRANSITION');
  });

  it('takes 10,000 recipients in one call, a body over the usual 1 MiB', async () => {
    const c = await create({ groups: [w.groupId] });
    const recipients = Array.from({ length: 10_000 }, (_, i) => ({ phone: `+91970${String(i).padStart(7, '0')}`, variables: { '1': `Friend ${i} ${'x'.repeat(100)}` } }));
    expect(JSON.stringify({ recipients }).length).toBeGreaterThan(1024 * 1024);
    const res = await http().post(`/campaigns/${c.id}/recipients`, { recipients }).expect(200);
    expect(res.body).toMatchObject({ added: 10_000, contacts_created: 10_000, failed: [] });
    expect((await http().get(`/campaigns/${c.id}/audience/preview`).expect(200)).body.total).toBe(10_003);
  });

  it('takes an audience of contact ids', async () => {
    const c = await create({ contact_ids: [w.contacts[2].id] });
    const preview = await http().get(`/campaigns/${c.id}/audience/preview`).expect(200);
    expect(preview.body.total).toBe(1);
    expect(preview.body.sample.map((s: { id: string }) => s.id)).toEqual([w.contacts[2].id]);
  });

  it('answers another workspace 404 and refuses hostile input', async () => {
    const c = await create({ groups: [w.groupId] });
    const other = await createWorkspaceKey(t, ['*']);
    await http(other).post(`/campaigns/${c.id}/recipients`, { recipients: [{ phone: phoneFor(950) }] }).expect(404);
    // Another workspace's contact is not found, and its phone creates a contact in this workspace only.
    const foreignContact = (await http(other).post('/contacts', { phone: phoneFor(951) }).expect(201)).body.id;
    const res = await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ contact_id: foreignContact }] }).expect(200);
    expect(res.body.failed[0].code).toBe('CONTACT_NOT_FOUND');
    await http().post(`/campaigns/${c.id}/recipients`, { recipients: [] }).expect(400);
    await http().post(`/campaigns/${c.id}/recipients`, { recipients: Array.from({ length: 10_001 }, (_, i) => ({ phone: phoneFor(i) })) }).expect(400);
    await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ phone: '+1\u0000' }] }).expect(400);
    await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ phone: phoneFor(3), variables: 'x' }] }).expect(400);
    await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{}] }).expect(400);
    const huge = await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ phone: phoneFor(4), variables: { '1': 'x'.repeat(2000) } }] }).expect(200);
    expect(huge.body.failed[0]).toMatchObject({ index: 0, code: 'INVALID_VARIABLES' });
    await http()
      .post('/campaigns', { name: 'x', template_id: w.templateId, variable_mapping: { ...mapping, header: { '1': { field: ['first_name', 'nope'] } } } })
      .expect(422);
  });

  it('drops the added recipients with the campaign (their contacts stay)', async () => {
    const c = await create({ groups: [w.groupId] });
    const p = phoneFor(960);
    await http().post(`/campaigns/${c.id}/recipients`, { recipients: [{ phone: p, variables: { '1': 'Zed' } }] }).expect(200);
    const db = t.app.get(DataSource);
    expect((await db.query(`SELECT count(*)::int AS n FROM audience_list_members WHERE list_id = $1`, [c.id]))[0].n).toBe(1);
    await t.http().delete(`${API}/campaigns/${c.id}`).set(w.key.auth).expect(204);
    await eventually(async () => (await db.query(`SELECT count(*)::int AS n FROM audience_list_members WHERE list_id = $1`, [c.id]))[0].n === 0, { what: 'list purged' });
    expect((await http().get(`/contacts?phone=${encodeURIComponent(p)}`).expect(200)).body.data).toHaveLength(1);
  });
});
