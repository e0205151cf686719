import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, ORDER_MAPPING, World } from '../support/world';

/** Every route with a resource id in its path, and the method that reaches it. */
const ID_ROUTES: Array<[string, string, Record<string, unknown> | null]> = [
  ['get', 'campaigns/:id', null],
  ['patch', 'campaigns/:id', { name: 'x' }],
  ['delete', 'campaigns/:id', null],
  ['put', 'campaigns/:id/audience', { groups: [] }],
  ['get', 'campaigns/:id/audience/preview', null],
  ['post', 'campaigns/:id/audience/field-coverage', { fields: ['email'] }],
  ['post', 'campaigns/:id/preview', {}],
  ['post', 'campaigns/:id/send', null],
  ['post', 'campaigns/:id/schedule', { scheduled_at: new Date(Date.now() + 3_600_000).toISOString() }],
  ['post', 'campaigns/:id/pause', null],
  ['post', 'campaigns/:id/resume', null],
  ['post', 'campaigns/:id/stop', null],
  ['post', 'campaigns/:id/refresh-metrics', null],
  ['get', 'campaigns/:id/errors', null],
  ['get', 'campaigns/:id/errors/131056', null],
  ['get', 'campaigns/:id/recipients', null],
  ['get', 'campaigns/:id/timeline', null],
  ['get', 'contacts/:id', null],
  ['patch', 'contacts/:id', { first_name: 'x' }],
  ['delete', 'contacts/:id', null],
  ['get', 'groups/:id', null],
  ['patch', 'groups/:id', { name: 'x' }],
  ['delete', 'groups/:id', null],
  ['post', 'groups/:id/members', { contact_ids: [randomUUID()] }],
  ['delete', 'groups/:id/members', { contact_ids: [randomUUID()] }],
  ['get', 'sources/:id', null],
  ['delete', 'sources/:id', null],
  ['get', 'templates/:id', null],
  ['get', 'channels/:id', null],
  ['delete', 'channels/:id', null],
  ['get', 'webhooks/:id', null],
  ['delete', 'webhooks/:id', null],
  ['get', 'webhooks/:id/deliveries', null],
  ['post', 'webhooks/:id/test', null],
];

describe('ids, mapping types and casing (e2e)', () => {
  let t: TestApp;
  let w: World;
  let intruder: TestKey;
  const http = () => t.http().set(w.key.auth);

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t, { contacts: 2 });
    intruder = await createWorkspaceKey(t);
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  describe('a path id that is not a UUID is simply not found', () => {
    it.each(ID_ROUTES)('%s /%s answers exactly what an unknown UUID answers', async (method, route, body) => {
      const call = (id: string) => {
        const req = (http() as unknown as Record<string, (url: string) => ReturnType<ReturnType<TestApp['http']>['get']>>)[method](`${API}/${route.replace(':id', id)}`);
        return body ? req.send(body) : req;
      };
      const unknown = await call(randomUUID());
      expect(unknown.status).toBe(404);
      for (const id of ['cb-1234', 'not-a-uuid', '12345', 'x'.repeat(5000), encodeURIComponent('../../etc')]) {
        const res = await call(id);
        expect({ status: res.status, code: res.body.code }).toEqual({ status: 404, code: unknown.body.code });
        expect(res.body.message.length).toBeLessThan(300);
      }
    });

    it('a campaign id in the reference\'s style answers 404 CAMPAIGN_NOT_FOUND, also for a foreign workspace', async () => {
      const res = await http().get(`${API}/campaigns/cb-7f3a`).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'CAMPAIGN_NOT_FOUND', message: expect.any(String) });
      const own = await http().post(`${API}/campaigns`).send({ name: 'mine', template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201);
      expect((await t.http().set(intruder.auth).get(`${API}/campaigns/${own.body.id}`).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
    });
  });

  describe('variable_mapping that is not an object', () => {
    it.each([
      ['an array', [{ field: 'first_name' }]],
      ['a string', 'first_name'],
      ['a number', 42],
      ['a boolean', true],
      ['an empty string', ''],
    ])('422 INVALID_VARIABLE_MAPPING for %s on create and PATCH', async (_what, mapping) => {
      const created = await http().post(`${API}/campaigns`).send({ name: 'm', template_id: w.templateId, variable_mapping: mapping }).expect(422);
      expect(created.body).toMatchObject({ code: 'INVALID_VARIABLE_MAPPING', details: [{ path: '', message: 'variable_mapping must be an object' }] });
      const draft = await http().post(`${API}/campaigns`).send({ name: 'm', template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201);
      const patched = await http().patch(`${API}/campaigns/${draft.body.id}`).send({ variable_mapping: mapping }).expect(422);
      expect(patched.body.code).toBe('INVALID_VARIABLE_MAPPING');
      expect((await http().get(`${API}/campaigns/${draft.body.id}`).expect(200)).body.variable_mapping).toEqual(ORDER_MAPPING);
    });
  });

  describe('one casing per field', () => {
    it('a manual pause reads MANUAL in the API and in the campaign.paused event', async () => {
      const c = await http()
        .post(`${API}/campaigns`)
        .send({ name: 'p', template_id: w.templateId, variable_mapping: ORDER_MAPPING, scheduled_at: new Date(Date.now() + 3_600_000).toISOString() })
        .expect(201);
      expect((await http().post(`${API}/campaigns/${c.body.id}/pause`).expect(200)).body.pause_reason).toBe('MANUAL');
      expect((await http().get(`${API}/campaigns/${c.body.id}`).expect(200)).body.pause_reason).toBe('MANUAL');
      const [event] = await t.app.get(DataSource).query(`SELECT payload FROM outbox_events WHERE aggregate_id = $1 AND type = 'campaign.paused'`, [c.body.id]);
      expect(event.payload.campaign.pause_reason).toBe('MANUAL');
    });

    it('an unknown or foreign contact in preview is 404 CONTACT_NOT_FOUND with snake_case details', async () => {
      const c = await http()
        .post(`${API}/campaigns`)
        .send({ name: 'pv', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } })
        .expect(201);
      const contactId = randomUUID();
      const res = await http().post(`${API}/campaigns/${c.body.id}/preview`).send({ sample_contact_id: contactId }).expect(404);
      expect(res.body).toEqual({ statusCode: 404, error: 'Not Found', code: 'CONTACT_NOT_FOUND', message: expect.any(String), details: { contact_id: contactId } });
    });

    it('error details name their keys in snake_case (missing_groups, missing_sources)', async () => {
      const res = await http()
        .post(`${API}/campaigns`)
        .send({ name: 'a', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [randomUUID()] } })
        .expect(400);
      expect(res.body.code).toBe('INVALID_AUDIENCE');
      expect(Object.keys(res.body.details).sort()).toEqual(['missing_contact_ids', 'missing_groups', 'missing_segments', 'missing_sources']);
    });
  });
});
