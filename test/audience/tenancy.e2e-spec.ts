import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createContact, createGroup, createSource, phone } from './helpers';

/** A second workspace's key gets 404 for every foreign id, on every endpoint that takes one. */
describe('audience tenancy (e2e)', () => {
  let t: TestApp;
  let owner: TestKey;
  let intruder: TestKey;
  let contact: { id: string; phone: string };
  let group: string;
  let source: string;
  beforeAll(async () => {
    t = await createTestApp();
    owner = await createWorkspaceKey(t);
    intruder = await createWorkspaceKey(t);
    group = await createGroup(t, owner);
    source = await createSource(t, owner);
    contact = await createContact(t, owner, { group_ids: [group], source_id: source });
  });
  afterAll(() => t.close());

  const expect404 = async (req: Promise<{ status: number; body: { code: string } }>, code: string) => {
    const res = await req;
    expect([res.status, res.body.code]).toEqual([404, code]);
  };

  it('contacts', async () => {
    const h = () => t.http();
    await expect404(h().get(`${API}/contacts/${contact.id}`).set(intruder.auth), 'CONTACT_NOT_FOUND');
    await expect404(h().patch(`${API}/contacts/${contact.id}`).set(intruder.auth).send({ opted_out: true }), 'CONTACT_NOT_FOUND');
    await expect404(h().delete(`${API}/contacts/${contact.id}`).set(intruder.auth), 'CONTACT_NOT_FOUND');
    // The same phone is a different contact in another workspace.
    const mine = await h().post(`${API}/contacts`).set(intruder.auth).send({ phone: contact.phone }).expect(201);
    expect(mine.body.id).not.toBe(contact.id);
    expect((await h().get(`${API}/contacts`).set(intruder.auth).expect(200)).body.data.map((c: { id: string }) => c.id)).toEqual([mine.body.id]);
    const members = await h().post(`${API}/groups/${await createGroup(t, intruder)}/members`).set(intruder.auth).send({ contact_ids: [contact.id] }).expect(200);
    expect(members.body).toMatchObject({ added: 0, not_found: { contact_ids: [contact.id] } });
    const still = await h().get(`${API}/contacts/${contact.id}`).set(owner.auth).expect(200);
    expect(still.body).toMatchObject({ opted_out: false, group_ids: [group], source_id: source });
  });

  it('groups', async () => {
    const h = () => t.http();
    await expect404(h().get(`${API}/groups/${group}`).set(intruder.auth), 'GROUP_NOT_FOUND');
    await expect404(h().patch(`${API}/groups/${group}`).set(intruder.auth).send({ name: 'x' }), 'GROUP_NOT_FOUND');
    await expect404(h().delete(`${API}/groups/${group}`).set(intruder.auth), 'GROUP_NOT_FOUND');
    await expect404(h().post(`${API}/groups/${group}/members`).set(intruder.auth).send({ phones: [phone()] }), 'GROUP_NOT_FOUND');
    await expect404(h().delete(`${API}/groups/${group}/members`).set(intruder.auth).send({ contact_ids: [contact.id] }), 'GROUP_NOT_FOUND');
    await expect404(h().get(`${API}/contacts`).query({ group_id: group }).set(intruder.auth), 'GROUP_NOT_FOUND');
    await expect404(h().post(`${API}/contacts`).set(intruder.auth).send({ phone: phone(), group_ids: [group] }), 'GROUP_NOT_FOUND');
    await expect404(h().post(`${API}/contacts/bulk`).set(intruder.auth).send({ contacts: [{ phone: phone() }], group_ids: [group] }), 'GROUP_NOT_FOUND');
    expect((await h().get(`${API}/groups`).set(intruder.auth).expect(200)).body.data.map((g: { id: string }) => g.id)).not.toContain(group);
    expect((await h().get(`${API}/groups/${group}`).set(owner.auth).expect(200)).body.member_count).toBe(1);
  });

  it('sources', async () => {
    const h = () => t.http();
    await expect404(h().get(`${API}/sources/${source}`).set(intruder.auth), 'SOURCE_NOT_FOUND');
    await expect404(h().delete(`${API}/sources/${source}`).set(intruder.auth), 'SOURCE_NOT_FOUND');
    await expect404(h().get(`${API}/contacts`).query({ source_id: source }).set(intruder.auth), 'SOURCE_NOT_FOUND');
    await expect404(h().post(`${API}/contacts`).set(intruder.auth).send({ phone: phone(), source_id: source }), 'SOURCE_NOT_FOUND');
    await expect404(h().post(`${API}/contacts/bulk`).set(intruder.auth).send({ contacts: [], source_id: source }), 'SOURCE_NOT_FOUND');
    const own = await createContact(t, intruder);
    await expect404(h().patch(`${API}/contacts/${own.id}`).set(intruder.auth).send({ source_id: source }), 'SOURCE_NOT_FOUND');
    expect((await h().get(`${API}/sources`).set(intruder.auth).expect(200)).body.data).toEqual([]);
    await h().get(`${API}/sources/${source}`).set(owner.auth).expect(200);
  });
});
