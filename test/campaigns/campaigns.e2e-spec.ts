import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, ORDER_MAPPING, World } from '../support/world';

const future = (ms = 3_600_000) => new Date(Date.now() + ms).toISOString();

describe('campaign authoring (e2e)', () => {
  let t: TestApp;
  let w: World;
  const http = () => t.http().set(w.key.auth);
  const create = (body: Record<string, unknown> = {}) =>
    http()
      .post(`${API}/campaigns`)
      .send({ name: 'May launch', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, ...body });

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t, { contacts: 12, contactFields: (i) => (i % 3 === 0 ? { custom_fields: {} } : {}) });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  describe('POST /campaigns', () => {
    it('creates a DRAFT with every field of the reference', async () => {
      const res = await create({ description: 'Marketing blast', batch_size: 25, batch_delay_ms: 100 }).expect(201);
      expect(res.body).toMatchObject({
        name: 'May launch',
        description: 'Marketing blast',
        status: 'DRAFT',
        template_id: w.templateId,
        template_name: 'order_update',
        template_category: 'UTILITY',
        template_language: 'en_US',
        channel_id: w.channelId,
        variable_mapping: ORDER_MAPPING,
        batch_size: 25,
        batch_delay_ms: 100,
        scheduled_at: null,
        started_at: null,
        completed_at: null,
        pause_reason: null,
        total_recipients: 0,
        stats: { total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0 },
        audience: { groups: [w.groupId], sources: [] },
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(Date.parse(res.body.created_at)).not.toBeNaN();
    });

    it('defaults batch_size to 50 and batch_delay_ms to 0', async () => {
      const res = await create().expect(201);
      expect(res.body).toMatchObject({ batch_size: 50, batch_delay_ms: 0 });
    });

    it('starts SCHEDULED with a future scheduled_at and records created + scheduled in the outbox', async () => {
      const at = future();
      const res = await create({ scheduled_at: at }).expect(201);
      expect(res.body).toMatchObject({ status: 'SCHEDULED', scheduled_at: at });
      const events = await t.app
        .get(DataSource)
        .query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [res.body.id]);
      expect(events.map((e: { type: string }) => e.type)).toEqual(['campaign.created', 'campaign.scheduled']);
      expect(events[1].payload.campaign).toMatchObject({ id: res.body.id, status: 'SCHEDULED' });
    });

    it('refuses a scheduled_at in the past', async () => {
      const res = await create({ scheduled_at: new Date(Date.now() - 60_000).toISOString() }).expect(400);
      expect(res.body.code).toBe('SCHEDULED_AT_IN_PAST');
    });

    it('accepts the Meta template id and stores our UUID', async () => {
      const res = await create({ template_id: w.metaTemplateId }).expect(201);
      expect(res.body.template_id).toBe(w.templateId);
    });

    it.each([
      ['empty name', { name: '' }, 'name'],
      ['name over 120', { name: 'x'.repeat(121) }, 'name'],
      ['description over 500', { description: 'x'.repeat(501) }, 'description'],
      ['batch_size 0', { batch_size: 0 }, 'batch_size'],
      ['batch_size 1001', { batch_size: 1001 }, 'batch_size'],
      ['batch_delay_ms over 600000', { batch_delay_ms: 600_001 }, 'batch_delay_ms'],
      ['a non-uuid group', { audience: { groups: ['g-1'] } }, 'audience.groups'],
      ['a bad scheduled_at', { scheduled_at: 'tomorrow' }, 'scheduled_at'],
      ['an unknown field', { colour: 'red' }, 'colour'],
    ])('400 VALIDATION_FAILED for %s', async (_, body, field) => {
      const res = await create(body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    });

    it('400 for an unknown template, and for one that is not APPROVED', async () => {
      expect((await create({ template_id: randomUUID() }).expect(400)).body.code).toBe('TEMPLATE_NOT_FOUND');
      const paused = await http()
        .post(`${API}/templates`)
        .send({ name: 'paused_tpl', language: 'en_US', category: 'MARKETING', status: 'PAUSED', components: [{ type: 'BODY', text: 'Hello' }] })
        .expect(201);
      expect((await create({ template_id: paused.body.id, variable_mapping: undefined }).expect(400)).body.code).toBe('TEMPLATE_NOT_APPROVED');
    });

    it('400 INVALID_AUDIENCE for groups or sources that do not exist in the workspace', async () => {
      const res = await create({ audience: { groups: [randomUUID()], sources: [randomUUID()] } }).expect(400);
      expect(res.body.code).toBe('INVALID_AUDIENCE');
      expect(res.body.details).toEqual({ missing_groups: [expect.any(String)], missing_sources: [expect.any(String)], missing_segments: [], missing_contact_ids: [] });
    });

    it('422 INVALID_VARIABLE_MAPPING listing every problem', async () => {
      const res = await create({ variable_mapping: { body: { '1': { field: 'nickname' }, '7': 'email' } } }).expect(422);
      expect(res.body.code).toBe('INVALID_VARIABLE_MAPPING');
      expect(res.body.details.map((d: { path: string }) => d.path).sort()).toEqual(['body.1', 'body.2', 'body.7', 'buttons.0.1', 'header.1']);
      expect((await create({ variable_mapping: undefined }).expect(422)).body.code).toBe('INVALID_VARIABLE_MAPPING');
    });

    it('422 CHANNEL_REQUIRED when the workspace has no channel', async () => {
      const other = await createWorkspaceKey(t);
      const tpl = await t
        .http()
        .post(`${API}/templates`)
        .set(other.auth)
        .send({ name: 'plain', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello' }] })
        .expect(201);
      const res = await t.http().post(`${API}/campaigns`).set(other.auth).send({ name: 'x', template_id: tpl.body.id }).expect(422);
      expect(res.body.code).toBe('CHANNEL_REQUIRED');
    });

    it('replays an idempotent create byte for byte and creates one campaign', async () => {
      const key = randomUUID();
      const body = { name: `idem-${key}`, template_id: w.templateId, variable_mapping: ORDER_MAPPING };
      const first = await http().post(`${API}/campaigns`).set('Idempotency-Key', key).send(body).expect(201);
      const again = await http().post(`${API}/campaigns`).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text);
      const reused = await http().post(`${API}/campaigns`).set('Idempotency-Key', key).send({ ...body, name: 'other' }).expect(422);
      expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
      const list = await http().get(`${API}/campaigns`).query({ limit: 200 }).expect(200);
      expect(list.body.data.filter((c: { name: string }) => c.name === body.name)).toHaveLength(1);
    });
  });

  describe('GET /campaigns', () => {
    it('lists newest first with status filter and cursor pagination', async () => {
      // A fresh workspace, so the list holds exactly the campaigns made here.
      const k = await createWorkspaceKey(t);
      await t.http().post(`${API}/channels`).set(k.auth).send({ name: 'c', phone_number_id: '1', waba_id: '2', access_token: 'a', app_secret: 's', api_base_url: w.sandbox.url }).expect(201);
      const tpl = await t.http().post(`${API}/templates`).set(k.auth).send({ name: 'plain', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi' }] }).expect(201);
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const extra = i % 2 ? { scheduled_at: future() } : {};
        ids.push((await t.http().post(`${API}/campaigns`).set(k.auth).send({ name: `c${i}`, template_id: tpl.body.id, ...extra }).expect(201)).body.id);
      }
      const all = await t.http().get(`${API}/campaigns`).set(k.auth).expect(200);
      expect(all.body.data.map((c: { id: string }) => c.id)).toEqual([...ids].reverse());
      expect(all.body.next_cursor).toBeNull();
      const scheduled = await t.http().get(`${API}/campaigns?status=SCHEDULED`).set(k.auth).expect(200);
      expect(scheduled.body.data.map((c: { id: string }) => c.id)).toEqual([ids[3], ids[1]]);
      const both = await t.http().get(`${API}/campaigns?status=draft,scheduled`).set(k.auth).expect(200);
      expect(both.body.data).toHaveLength(5);
      expect((await t.http().get(`${API}/campaigns?status=BOGUS`).set(k.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: Array<{ id: string }>; next_cursor: string | null } } = await t
          .http()
          .get(`${API}/campaigns`)
          .set(k.auth)
          .query({ limit: 2, ...(cursor ? { cursor } : {}) })
          .expect(200);
        expect(page.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...page.body.data.map((c) => c.id));
        cursor = page.body.next_cursor;
      } while (cursor);
      expect(seen).toEqual([...ids].reverse());
    });
  });

  describe('GET /campaigns/{id}', () => {
    it('returns the campaign with its audiences rows', async () => {
      const created = await create().expect(201);
      const res = await http().get(`${API}/campaigns/${created.body.id}`).expect(200);
      expect(res.body).toMatchObject({ id: created.body.id, name: 'May launch' });
      expect(res.body.audiences).toEqual([expect.objectContaining({ type: 'group', id: w.groupId, name: 'customers' })]);
    });

    it('404 for an unknown id and for another workspace’s campaign', async () => {
      expect((await http().get(`${API}/campaigns/${randomUUID()}`).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
      const created = await create().expect(201);
      const other = await createWorkspaceKey(t);
      const id = created.body.id;
      const foreign = (method: 'get' | 'patch' | 'delete' | 'put' | 'post', path: string) =>
        t.http()[method](`${API}/campaigns/${id}${path}`).set(other.auth).send(method === 'put' ? { groups: [] } : {}).expect(404);
      await foreign('get', '');
      await foreign('patch', '');
      await foreign('delete', '');
      await foreign('put', '/audience');
      await foreign('get', '/audience/preview');
      await foreign('post', '/preview');
      await foreign('post', '/send');
      await foreign('post', '/pause');
      await foreign('post', '/stop');
      await t.http().post(`${API}/campaigns/${id}/audience/field-coverage`).set(other.auth).send({ fields: ['email'] }).expect(404);
      await t.http().post(`${API}/campaigns/${id}/schedule`).set(other.auth).send({ scheduled_at: future() }).expect(404);
    });
  });

  describe('PATCH and DELETE', () => {
    it('edits a DRAFT, re-validating the mapping', async () => {
      const c = await create().expect(201);
      const res = await http().patch(`${API}/campaigns/${c.body.id}`).send({ name: 'Renamed', batch_size: 10 }).expect(200);
      expect(res.body).toMatchObject({ name: 'Renamed', batch_size: 10 });
      const bad = await http().patch(`${API}/campaigns/${c.body.id}`).send({ variable_mapping: { body: {} } }).expect(422);
      expect(bad.body.code).toBe('INVALID_VARIABLE_MAPPING');
    });

    it('refuses edits and deletion of a RUNNING campaign, allows deletion of a DRAFT', async () => {
      const running = await create({ audience: { groups: [] } }).expect(201);
      await t.app.get(DataSource).query(`UPDATE campaigns SET status = 'RUNNING' WHERE id = $1`, [running.body.id]);
      expect((await http().patch(`${API}/campaigns/${running.body.id}`).send({ name: 'x' }).expect(400)).body.code).toBe('INVALID_TRANSITION');
      expect((await http().delete(`${API}/campaigns/${running.body.id}`).expect(400)).body.code).toBe('INVALID_TRANSITION');
      const draft = await create().expect(201);
      await http().delete(`${API}/campaigns/${draft.body.id}`).expect(204);
      await http().get(`${API}/campaigns/${draft.body.id}`).expect(404);
    });
  });

  describe('audience', () => {
    it('PUT replaces the audience while DRAFT and refuses it while SCHEDULED', async () => {
      const c = await create({ audience: undefined }).expect(201);
      const res = await http().put(`${API}/campaigns/${c.body.id}/audience`).send({ groups: [w.groupId], sources: [] }).expect(200);
      expect(res.body.audience).toEqual({ groups: [w.groupId], sources: [], segments: [], contact_ids: [] });
      const s = await create({ scheduled_at: future() }).expect(201);
      expect((await http().put(`${API}/campaigns/${s.body.id}/audience`).send({ groups: [] }).expect(400)).body.code).toBe('INVALID_TRANSITION');
      expect((await http().put(`${API}/campaigns/${c.body.id}/audience`).send({ groups: ['nope'] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('previews the resolved audience without materialising it', async () => {
      const c = await create().expect(201);
      const res = await http().get(`${API}/campaigns/${c.body.id}/audience/preview`).expect(200);
      expect(res.body.total).toBe(12);
      expect(res.body.sample).toHaveLength(10);
      expect(res.body.sample[0]).toEqual({ id: expect.any(String), first_name: expect.any(String), last_name: null, phone: expect.stringMatching(/^\+1202555/) });
      const rows = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1`, [c.body.id]);
      expect(rows[0].n).toBe(0);
    });

    it('reports field coverage, custom fields included', async () => {
      const c = await create().expect(201);
      const res = await http()
        .post(`${API}/campaigns/${c.body.id}/audience/field-coverage`)
        .send({ fields: ['first_name', 'email', 'custom_fields.order_id'] })
        .expect(200);
      expect(res.body).toEqual({
        total_recipients: 12,
        coverage: {
          first_name: { present: 12, missing: 0 },
          email: { present: 0, missing: 12 },
          'custom_fields.order_id': { present: 8, missing: 4 },
        },
      });
      expect((await http().post(`${API}/campaigns/${c.body.id}/audience/field-coverage`).send({ fields: ['shoe_size'] }).expect(400)).body.code).toBe(
        'INVALID_FIELD',
      );
    });
  });

  describe('POST /campaigns/{id}/preview', () => {
    it('renders the template for a given contact exactly as it will be sent', async () => {
      const c = await create().expect(201);
      const contact = w.contacts.find((x) => x.phone.endsWith('0001'))!;
      const res = await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: contact.id }).expect(200);
      expect(res.body).toEqual({
        campaign_id: c.body.id,
        sample_contact_id: contact.id,
        resolved_components: [
          { type: 'HEADER', text: 'Order for Name1' },
          { type: 'BODY', text: 'Hi Name1, your order ORD-1 has shipped.' },
          { type: 'FOOTER', text: 'Thanks for shopping' },
          { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://track.example/ORD-1' }] },
        ],
        missing_variables: [],
      });
    });

    it('uses the first contact of the audience when none is given, and 404s a foreign contact', async () => {
      const c = await create().expect(201);
      const res = await http().post(`${API}/campaigns/${c.body.id}/preview`).send({}).expect(200);
      expect(w.contacts.map((x) => x.id)).toContain(res.body.sample_contact_id);
      await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: randomUUID() }).expect(404);
    });

    it('404 CONTACT_NOT_FOUND for a contact of the workspace outside the audience: a preview reads recipients only', async () => {
      const c = await create().expect(201);
      const outsider = await http().post(`${API}/contacts`).send({ phone: '+12025559999', first_name: 'Outsider', custom_fields: { ssn: '078-05-1120' } }).expect(201);
      const res = await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: outsider.body.id }).expect(404);
      expect(res.body).toMatchObject({ code: 'CONTACT_NOT_FOUND', details: { contact_id: outsider.body.id } });
      expect(res.text).not.toContain('078-05-1120');
      // An opted-out member is still a recipient (skipped at send time) and can be previewed.
      const member = w.contacts[1];
      await http().patch(`${API}/contacts/${member.id}`).send({ opted_out: true }).expect(200);
      await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: member.id }).expect(200);
      await http().patch(`${API}/contacts/${member.id}`).send({ opted_out: false }).expect(200);
    });
  });

  describe('scopes', () => {
    it('enforces read / write / send exactly as the reference assigns them', async () => {
      const c = await create().expect(201);
      const id = c.body.id;
      const read = await createWorkspaceKey(t, ['campaigns:read'], w.key.workspaceId);
      const write = await createWorkspaceKey(t, ['campaigns:write'], w.key.workspaceId);
      const as = (k: { auth: Record<string, string> }) => t.http().set(k.auth);
      await as(read).get(`${API}/campaigns/${id}`).expect(200);
      await as(read).get(`${API}/campaigns/${id}/audience/preview`).expect(200);
      await as(read).post(`${API}/campaigns/${id}/audience/field-coverage`).send({ fields: ['email'] }).expect(200);
      await as(read).post(`${API}/campaigns`).send({}).expect(403);
      await as(read).post(`${API}/campaigns/${id}/preview`).send({}).expect(403);
      await as(read).put(`${API}/campaigns/${id}/audience`).send({ groups: [] }).expect(403);
      await as(write).get(`${API}/campaigns/${id}`).expect(403);
      await as(write).post(`${API}/campaigns/${id}/preview`).send({}).expect(200);
      for (const action of ['send', 'pause', 'resume', 'stop']) await as(write).post(`${API}/campaigns/${id}/${action}`).expect(403);
      await as(write).post(`${API}/campaigns/${id}/schedule`).send({ scheduled_at: future() }).expect(403);
      await t.http().get(`${API}/campaigns/${id}`).expect(401);
    });
  });

  describe('lifecycle transitions without dispatch', () => {
    it('schedule, reschedule, pause and resume a scheduled campaign; refuse illegal ones with 400', async () => {
      const c = await create().expect(201);
      const id = c.body.id;
      const at = future(7_200_000);
      expect((await http().post(`${API}/campaigns/${id}/schedule`).send({ scheduled_at: at }).expect(200)).body).toMatchObject({ status: 'SCHEDULED', scheduled_at: at });
      expect((await http().post(`${API}/campaigns/${id}/pause`).expect(200)).body).toMatchObject({ status: 'PAUSED', pause_reason: 'MANUAL' });
      expect((await http().post(`${API}/campaigns/${id}/resume`).expect(200)).body).toMatchObject({ status: 'SCHEDULED', pause_reason: null });
      await http().post(`${API}/campaigns/${id}/pause`).expect(200);
      // Stopped while paused: a stopped campaign can't resume, so it carries no pause reason.
      const stopped = await http().post(`${API}/campaigns/${id}/stop`).expect(200);
      expect(stopped.body).toMatchObject({ status: 'STOPPED', pause_reason: null });
      for (const action of ['pause', 'resume', 'stop', 'send']) {
        const res = await http().post(`${API}/campaigns/${id}/${action}`).expect(400);
        expect(res.body).toMatchObject({ code: 'INVALID_TRANSITION', statusCode: 400 });
      }
      const types = await t.app.get(DataSource).query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [id]);
      expect(types.map((e: { type: string }) => e.type)).toEqual([
        'campaign.created',
        'campaign.scheduled',
        'campaign.paused',
        'campaign.resumed',
        'campaign.paused',
        'campaign.stopped',
      ]);
    });

    it('400 for a schedule in the past or a resume of a DRAFT', async () => {
      const c = await create().expect(201);
      const past = await http().post(`${API}/campaigns/${c.body.id}/schedule`).send({ scheduled_at: new Date(Date.now() - 1000).toISOString() }).expect(400);
      expect(past.body.code).toBe('SCHEDULED_AT_IN_PAST');
      expect((await http().post(`${API}/campaigns/${c.body.id}/resume`).expect(400)).body.code).toBe('INVALID_TRANSITION');
    });
  });
});
