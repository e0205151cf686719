import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createContact, createGroup, createSource, phone } from './helpers';

describe('contacts (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  beforeAll(async () => {
    t = await createTestApp();
    k = await createWorkspaceKey(t, ['contacts:read', 'contacts:write']);
  });
  afterAll(() => t.close());

  describe('POST /contacts', () => {
    it('creates (201) then updates (200) by phone, normalising it to E.164', async () => {
      const g = await createGroup(t, k);
      const s = await createSource(t, k);
      const created = await t
        .http()
        .post(`${API}/contacts`)
        .set(k.auth)
        .send({ phone: '+1 (415) 555-2671', first_name: 'Ana', email: 'ana@example.com', custom_fields: { tier: 'gold', n: 3 }, group_ids: [g], source_id: s })
        .expect(201);
      expect(created.body).toMatchObject({
        phone: '+14155552671',
        first_name: 'Ana',
        last_name: null,
        email: 'ana@example.com',
        custom_fields: { tier: 'gold', n: 3 },
        source_id: s,
        group_ids: [g],
        opted_out: false,
      });
      expect(created.body.created_at).toBe(created.body.updated_at);

      const updated = await t
        .http()
        .post(`${API}/contacts`)
        .set(k.auth)
        .send({ phone: '+14155552671', last_name: 'Lee', first_name: null, custom_fields: { tier: 'silver' } })
        .expect(200);
      // Absent and null fields are kept, given ones overwrite, custom_fields is replaced.
      expect(updated.body).toMatchObject({
        id: created.body.id,
        first_name: 'Ana',
        last_name: 'Lee',
        email: 'ana@example.com',
        custom_fields: { tier: 'silver' },
        source_id: s,
        group_ids: [g],
      });
      await t.http().get(`${API}/contacts/${created.body.id}`).set(k.auth).expect(200).expect((r) => expect(r.body.last_name).toBe('Lee'));
    });

    it.each([['12025550123'], ['+1555555555'], ['+44 12'], ['hello']])('400 INVALID_PHONE for %p', async (p) => {
      const res = await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: p }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'INVALID_PHONE' });
    });

    it('400 VALIDATION_FAILED listing every bad field, custom_fields rules included', async () => {
      const res = await t
        .http()
        .post(`${API}/contacts`)
        .set(k.auth)
        .send({ phone: 5, email: 'nope', first_name: 'x'.repeat(101), custom_fields: { nested: { a: 1 } }, group_ids: ['x'], extra: 1 })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['custom_fields', 'email', 'extra', 'first_name', 'group_ids', 'phone']);
      expect(JSON.stringify(res.body.details)).toContain('custom_fields.nested');
    });

    it.each([
      [{ list: [1, 2] }],
      [{ ['k'.repeat(65)]: 'v' }],
      [Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, i]))],
      [['a']],
      ['text'],
    ])('400 for custom_fields %#', async (custom_fields) => {
      const res = await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: phone(), custom_fields }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details[0].field).toBe('custom_fields');
    });

    it('404 for unknown group_ids or source_id, writing nothing', async () => {
      const p = phone();
      const g = await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: p, group_ids: ['6f1d8a4e-8a3f-4b8e-9d7c-111111111111'] }).expect(404);
      expect(g.body.code).toBe('GROUP_NOT_FOUND');
      const s = await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: p, source_id: '6f1d8a4e-8a3f-4b8e-9d7c-111111111111' }).expect(404);
      expect(s.body.code).toBe('SOURCE_NOT_FOUND');
      const list = await t.http().get(`${API}/contacts`).query({ phone: p }).set(k.auth).expect(200);
      expect(list.body.data).toEqual([]);
    });

    it('replays an Idempotency-Key request byte for byte without writing twice', async () => {
      const body = { phone: phone(), first_name: 'Idem' };
      const first = await t.http().post(`${API}/contacts`).set(k.auth).set('Idempotency-Key', 'contact-1').send(body).expect(201);
      const again = await t.http().post(`${API}/contacts`).set(k.auth).set('Idempotency-Key', 'contact-1').send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text);
      // Without the key the same body is an update of the existing contact.
      await t.http().post(`${API}/contacts`).set(k.auth).send(body).expect(200);
      const reused = await t.http().post(`${API}/contacts`).set(k.auth).set('Idempotency-Key', 'contact-1').send({ ...body, first_name: 'x' }).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
    });
  });

  describe('POST /contacts/bulk', () => {
    it('upserts valid rows and reports each bad one by index', async () => {
      const g = await createGroup(t, k);
      const s = await createSource(t, k);
      const existing = await createContact(t, k, { first_name: 'Old', email: 'old@example.com' });
      const [p1, p2] = [phone(), phone()];
      const res = await t
        .http()
        .post(`${API}/contacts/bulk`)
        .set(k.auth)
        .send({
          group_ids: [g],
          source_id: s,
          contacts: [
            { phone: p1, first_name: 'A', custom_fields: { order_id: 'O-1' } },
            { phone: 'garbage' },
            { phone: existing.phone, first_name: 'New' },
            { phone: p2, custom_fields: { deep: { x: 1 } } },
            { phone: p1.replace('+91', '+91 '), first_name: 'dup' },
            { phone: p2, email: 'bad' },
            'not an object',
            { phone: p2, unknown: true },
            { phone: p2 },
          ],
        })
        .expect(200);
      expect(res.body).toEqual({
        created: 2,
        updated: 1,
        failed: [
          { index: 1, code: 'INVALID_PHONE', message: expect.any(String) },
          { index: 3, code: 'INVALID_CUSTOM_FIELDS', message: expect.stringContaining('custom_fields.deep') },
          { index: 4, code: 'DUPLICATE_PHONE', message: expect.stringContaining('index 0') },
          { index: 5, code: 'VALIDATION_FAILED', message: expect.stringContaining('email') },
          { index: 6, code: 'VALIDATION_FAILED', message: expect.any(String) },
          { index: 7, code: 'VALIDATION_FAILED', message: expect.stringContaining('unknown') },
        ],
      });
      const members = await t.http().get(`${API}/contacts`).query({ group_id: g }).set(k.auth).expect(200);
      expect(members.body.data.map((c: { phone: string }) => c.phone).sort()).toEqual([existing.phone, p1, p2].sort());
      const old = await t.http().get(`${API}/contacts/${existing.id}`).set(k.auth).expect(200);
      expect(old.body).toMatchObject({ first_name: 'New', email: 'old@example.com', source_id: s, group_ids: [g] });
      const a = members.body.data.find((c: { phone: string }) => c.phone === p1);
      expect(a).toMatchObject({ first_name: 'A', custom_fields: { order_id: 'O-1' }, source_id: s });
      const grp = await t.http().get(`${API}/groups/${g}`).set(k.auth).expect(200);
      expect(grp.body.member_count).toBe(3);
    });

    it('validates the envelope: array of at most 10,000 rows, uuids', async () => {
      const res = await t.http().post(`${API}/contacts/bulk`).set(k.auth).send({ contacts: 'x', group_ids: ['nope'], source_id: 1 }).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['contacts', 'group_ids', 'source_id']);
      const many = Array.from({ length: 10_001 }, () => ({ phone: '+14155552671' }));
      const big = await t.http().post(`${API}/contacts/bulk`).set(k.auth).send({ contacts: many }).expect(400);
      expect(big.body.code).toBe('VALIDATION_FAILED');
      const none = await t.http().post(`${API}/contacts/bulk`).set(k.auth).send({ contacts: [] }).expect(200);
      expect(none.body).toEqual({ created: 0, updated: 0, failed: [] });
    });

    it('404 when a group of group_ids is unknown, nothing written', async () => {
      const p = phone();
      const res = await t
        .http()
        .post(`${API}/contacts/bulk`)
        .set(k.auth)
        .send({ contacts: [{ phone: p }], group_ids: ['6f1d8a4e-8a3f-4b8e-9d7c-222222222222'] })
        .expect(404);
      expect(res.body.code).toBe('GROUP_NOT_FOUND');
      expect((await t.http().get(`${API}/contacts`).query({ phone: p }).set(k.auth)).body.data).toEqual([]);
    });

    it('accepts a body over 1 MiB (limit is 10 MiB here)', async () => {
      const contacts = Array.from({ length: 5000 }, () => ({ phone: phone(), first_name: 'n'.repeat(100), last_name: 'l'.repeat(100) }));
      const res = await t.http().post(`${API}/contacts/bulk`).set(k.auth).send({ contacts }).expect(200);
      expect(res.body).toMatchObject({ created: 5000, updated: 0, failed: [] });
    });
  });

  describe('GET /contacts', () => {
    it('pages newest first with a cursor and filters by group, source and phone', async () => {
      const kk = await createWorkspaceKey(t, ['contacts:read', 'contacts:write']);
      const g = await createGroup(t, kk);
      const s = await createSource(t, kk);
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push((await createContact(t, kk, i % 2 ? { group_ids: [g] } : { source_id: s })).id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const res = await t.http().get(`${API}/contacts`).query({ limit: 2, ...(cursor ? { cursor } : {}) }).set(kk.auth).expect(200);
        seen.push(...res.body.data.map((c: { id: string }) => c.id));
        cursor = res.body.next_cursor ?? undefined;
      } while (cursor);
      const all = (await t.http().get(`${API}/contacts`).set(kk.auth).expect(200)).body.data;
      expect(seen).toEqual(all.map((c: { id: string }) => c.id));
      expect([...seen].sort()).toEqual([...made].sort());
      const order = all.map((c: { created_at: string; id: string }) => `${c.created_at}|${c.id}`);
      expect(order).toEqual([...order].sort().reverse());
      const ids = async (query: Record<string, string>) =>
        ((await t.http().get(`${API}/contacts`).query(query).set(kk.auth).expect(200)).body.data as Array<{ id: string }>).map((c) => c.id).sort();
      expect(await ids({ group_id: g })).toEqual([made[1], made[3]].sort());
      expect(await ids({ source_id: s })).toEqual([made[0], made[2], made[4]].sort());
      const one = await t.http().get(`${API}/contacts/${made[0]}`).set(kk.auth).expect(200);
      const byPhone = await t.http().get(`${API}/contacts`).query({ phone: one.body.phone.replace('+91', '+91 ') }).set(kk.auth).expect(200);
      expect(byPhone.body).toEqual({ data: [one.body], next_cursor: null });
    });

    it('400 for a bad phone filter, cursor, limit or uuid filter', async () => {
      expect((await t.http().get(`${API}/contacts`).query({ phone: '123' }).set(k.auth).expect(400)).body.code).toBe('INVALID_PHONE');
      expect((await t.http().get(`${API}/contacts`).query({ cursor: 'zzz' }).set(k.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
      expect((await t.http().get(`${API}/contacts`).query({ limit: 201 }).set(k.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().get(`${API}/contacts`).query({ group_id: 'x' }).set(k.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('PATCH and DELETE /contacts/{id}', () => {
    it('changes only the given fields, null clears, custom_fields replaces, opted_out toggles', async () => {
      const s = await createSource(t, k);
      const c = await createContact(t, k, { first_name: 'F', last_name: 'L', email: 'e@example.com', custom_fields: { a: 1, b: 2 }, source_id: s });
      const res = await t
        .http()
        .patch(`${API}/contacts/${c.id}`)
        .set(k.auth)
        .send({ last_name: null, custom_fields: { c: 'x' }, opted_out: true, source_id: null })
        .expect(200);
      expect(res.body).toMatchObject({ first_name: 'F', last_name: null, email: 'e@example.com', custom_fields: { c: 'x' }, opted_out: true, source_id: null });
      const cleared = await t.http().patch(`${API}/contacts/${c.id}`).set(k.auth).send({ custom_fields: null, opted_out: false }).expect(200);
      expect(cleared.body).toMatchObject({ custom_fields: {}, opted_out: false });
      // An upsert never flips opt-out back, whatever it sends.
      await t.http().patch(`${API}/contacts/${c.id}`).set(k.auth).send({ opted_out: true }).expect(200);
      await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: c.phone }).expect(200).expect((r) => expect(r.body.opted_out).toBe(true));
      const rejected = await t.http().post(`${API}/contacts`).set(k.auth).send({ phone: c.phone, opted_out: false }).expect(400);
      expect(rejected.body.code).toBe('VALIDATION_FAILED');
    });

    it('changes the phone (normalised), 409 when taken, 400 when invalid or null', async () => {
      const a = await createContact(t, k);
      const b = await createContact(t, k);
      const fresh = phone();
      const moved = await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ phone: fresh.replace('+9198', '+91 98') }).expect(200);
      expect(moved.body.phone).toBe(fresh);
      expect((await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ phone: b.phone }).expect(409)).body.code).toBe('PHONE_ALREADY_EXISTS');
      expect((await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ phone: '+1' }).expect(400)).body.code).toBe('INVALID_PHONE');
      expect((await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ phone: null }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ opted_out: 'yes' }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      expect((await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ custom_fields: { x: [1] } }).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const unknownSource = await t.http().patch(`${API}/contacts/${a.id}`).set(k.auth).send({ source_id: '6f1d8a4e-8a3f-4b8e-9d7c-333333333333' }).expect(404);
      expect(unknownSource.body.code).toBe('SOURCE_NOT_FOUND');
    });

    it('deletes (204) and then answers 404; its group loses the member', async () => {
      const g = await createGroup(t, k);
      const c = await createContact(t, k, { group_ids: [g] });
      expect((await t.http().get(`${API}/groups/${g}`).set(k.auth)).body.member_count).toBe(1);
      await t.http().delete(`${API}/contacts/${c.id}`).set(k.auth).expect(204);
      const gone = await t.http().get(`${API}/contacts/${c.id}`).set(k.auth).expect(404);
      expect(gone.body.code).toBe('CONTACT_NOT_FOUND');
      await t.http().delete(`${API}/contacts/${c.id}`).set(k.auth).expect(404);
      await t.http().patch(`${API}/contacts/${c.id}`).set(k.auth).send({ first_name: 'x' }).expect(404);
      expect((await t.http().get(`${API}/groups/${g}`).set(k.auth)).body.member_count).toBe(0);
    });

    it('404 CONTACT_NOT_FOUND for a malformed id', async () => {
      expect((await t.http().get(`${API}/contacts/not-a-uuid`).set(k.auth).expect(404)).body.code).toBe('CONTACT_NOT_FOUND');
      expect((await t.http().patch(`${API}/contacts/not-a-uuid`).set(k.auth).send({}).expect(404)).body.code).toBe('CONTACT_NOT_FOUND');
      expect((await t.http().delete(`${API}/contacts/not-a-uuid`).set(k.auth).expect(404)).body.code).toBe('CONTACT_NOT_FOUND');
    });
  });

  describe('auth', () => {
    it('401 without a key, 403 without the scope', async () => {
      await t.http().get(`${API}/contacts`).expect(401);
      await t.http().post(`${API}/contacts`).send({ phone: phone() }).expect(401);
      const reader = await createWorkspaceKey(t, ['contacts:read']);
      const res = await t.http().post(`${API}/contacts`).set(reader.auth).send({ phone: phone() }).expect(403);
      expect(res.body.code).toBe('INSUFFICIENT_SCOPE');
      await t.http().post(`${API}/contacts/bulk`).set(reader.auth).send({ contacts: [] }).expect(403);
      await t.http().get(`${API}/contacts`).set(reader.auth).expect(200);
      const other = await createWorkspaceKey(t, ['campaigns:read']);
      await t.http().get(`${API}/contacts`).set(other.auth).expect(403);
    });
  });
});
