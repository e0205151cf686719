import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createContact, createGroup, createSource, phone } from './helpers';

describe('groups and sources (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  beforeAll(async () => {
    t = await createTestApp();
    k = await createWorkspaceKey(t, ['contacts:read', 'contacts:write']);
  });
  afterAll(() => t.close());

  describe('groups', () => {
    it('creates, gets, lists, renames and deletes a group', async () => {
      const created = await t.http().post(`${API}/groups`).set(k.auth).send({ name: 'VIP', description: 'best' }).expect(201);
      expect(created.body).toMatchObject({ name: 'VIP', description: 'best', member_count: 0 });
      const id = created.body.id;
      await t.http().get(`${API}/groups/${id}`).set(k.auth).expect(200, created.body);
      const renamed = await t.http().patch(`${API}/groups/${id}`).set(k.auth).send({ name: 'VIPs', description: null }).expect(200);
      expect(renamed.body).toMatchObject({ id, name: 'VIPs', description: null });
      const other = await createGroup(t, k, 'second');
      const page1 = await t.http().get(`${API}/groups`).query({ limit: 1 }).set(k.auth).expect(200);
      expect(page1.body.data).toHaveLength(1);
      const page2 = await t.http().get(`${API}/groups`).query({ limit: 1, cursor: page1.body.next_cursor }).set(k.auth).expect(200);
      expect([page1.body.data[0].id, page2.body.data[0].id].sort()).toEqual([id, other].sort());
      await t.http().delete(`${API}/groups/${id}`).set(k.auth).expect(204);
      expect((await t.http().get(`${API}/groups/${id}`).set(k.auth).expect(404)).body.code).toBe('GROUP_NOT_FOUND');
    });

    it('validates names', async () => {
      const res = await t.http().post(`${API}/groups`).set(k.auth).send({ name: '', description: 5 }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['description', 'name']);
      const g = await createGroup(t, k);
      await t.http().patch(`${API}/groups/${g}`).set(k.auth).send({ name: null }).expect(400);
      await t.http().patch(`${API}/groups/${g}`).set(k.auth).send({ name: 'x'.repeat(121) }).expect(400);
    });

    it('adds members by id and phone, reporting unknown and invalid ones, and removes them', async () => {
      const g = await createGroup(t, k);
      const a = await createContact(t, k);
      const b = await createContact(t, k);
      const unknownId = '6f1d8a4e-8a3f-4b8e-9d7c-444444444444';
      const unknownPhone = phone();
      const res = await t
        .http()
        .post(`${API}/groups/${g}/members`)
        .set(k.auth)
        .send({ contact_ids: [a.id, unknownId, a.id], phones: [b.phone.replace('+91', '+91 '), unknownPhone, 'bogus'] })
        .expect(200);
      expect(res.body).toEqual({
        added: 2,
        already_members: 0,
        not_found: { contact_ids: [unknownId], phones: [unknownPhone] },
        invalid_phones: ['bogus'],
        member_count: 2,
      });
      const again = await t.http().post(`${API}/groups/${g}/members`).set(k.auth).send({ contact_ids: [a.id, b.id] }).expect(200);
      expect(again.body).toMatchObject({ added: 0, already_members: 2, member_count: 2 });
      const contact = await t.http().get(`${API}/contacts/${a.id}`).set(k.auth).expect(200);
      expect(contact.body.group_ids).toEqual([g]);

      const removed = await t.http().delete(`${API}/groups/${g}/members`).set(k.auth).send({ contact_ids: [a.id, unknownId] }).expect(200);
      expect(removed.body).toEqual({ removed: 1, not_members: [unknownId], member_count: 1 });
      await t.http().get(`${API}/contacts/${a.id}`).set(k.auth).expect(200);

      await t.http().delete(`${API}/groups/${g}`).set(k.auth).expect(204);
      const kept = await t.http().get(`${API}/contacts/${b.id}`).set(k.auth).expect(200);
      expect(kept.body.group_ids).toEqual([]);
    });

    it('validates member bodies', async () => {
      const g = await createGroup(t, k);
      expect((await t.http().post(`${API}/groups/${g}/members`).set(k.auth).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      await t.http().post(`${API}/groups/${g}/members`).set(k.auth).send({ contact_ids: ['x'] }).expect(400);
      await t.http().post(`${API}/groups/${g}/members`).set(k.auth).send({ phones: [1] }).expect(400);
      await t.http().delete(`${API}/groups/${g}/members`).set(k.auth).send({ contact_ids: [] }).expect(400);
      await t.http().delete(`${API}/groups/${g}/members`).set(k.auth).send({}).expect(400);
      const missing = await t.http().post(`${API}/groups/6f1d8a4e-8a3f-4b8e-9d7c-555555555555/members`).set(k.auth).send({ phones: [phone()] }).expect(404);
      expect(missing.body.code).toBe('GROUP_NOT_FOUND');
    });
  });

  describe('sources', () => {
    it('creates, gets, lists and deletes a source; its contacts stay with source_id null', async () => {
      const created = await t.http().post(`${API}/sources`).set(k.auth).send({ name: 'Shopify' }).expect(201);
      expect(created.body).toMatchObject({ name: 'Shopify' });
      const s = created.body.id;
      await t.http().get(`${API}/sources/${s}`).set(k.auth).expect(200, created.body);
      const list = await t.http().get(`${API}/sources`).set(k.auth).expect(200);
      expect(list.body.data.map((x: { id: string }) => x.id)).toContain(s);
      expect(list.body).toHaveProperty('next_cursor');
      const c = await createContact(t, k, { source_id: s });
      await t.http().delete(`${API}/sources/${s}`).set(k.auth).expect(204);
      await t.http().get(`${API}/sources/${s}`).set(k.auth).expect(404);
      await t.http().delete(`${API}/sources/${s}`).set(k.auth).expect(404);
      const kept = await t.http().get(`${API}/contacts/${c.id}`).set(k.auth).expect(200);
      expect(kept.body.source_id).toBeNull();
    });

    it('a contact has at most one source: a later one replaces it', async () => {
      const [s1, s2] = [await createSource(t, k), await createSource(t, k)];
      const c = await createContact(t, k, { source_id: s1 });
      const res = await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: c.phone, source_id: s2 }).expect(200);
      expect(res.body.source_id).toBe(s2);
    });

    it('validates', async () => {
      expect((await t.http().post(`${API}/sources`).set(k.auth).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().get(`${API}/sources/nope`).set(k.auth).expect(404)).body.code).toBe('SOURCE_NOT_FOUND');
      await t.http().get(`${API}/sources`).query({ cursor: 'x' }).set(k.auth).expect(400);
    });
  });

  it('401 without a key and 403 without the scope on groups and sources', async () => {
    await t.http().get(`${API}/groups`).expect(401);
    await t.http().get(`${API}/sources`).expect(401);
    const reader = await createWorkspaceKey(t, ['contacts:read']);
    await t.http().post(`${API}/groups`).set(reader.auth).send({ name: 'x' }).expect(403);
    await t.http().post(`${API}/sources`).set(reader.auth).send({ name: 'x' }).expect(403);
    await t.http().get(`${API}/groups`).set(reader.auth).expect(200);
    const writerOnly = await createWorkspaceKey(t, ['contacts:write']);
    await t.http().get(`${API}/sources`).set(writerOnly.auth).expect(403);
  });
});
