import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { seedRecipients } from '../analytics/helpers';

/**
 * The examples of the public Campaigns API reference, request by request, with ids adapted: every
 * documented response shape is asserted field by field.
 */
const SHIPPED = { name: 'order_shipped', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' }] };
const MAPPING = { body: { '1': { field: 'first_name' }, '2': { field: 'custom_fields.order_id' } } };
const ISO = expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
const UUID = expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const future = (ms = 86_400_000) => new Date(Date.now() + ms).toISOString();

describe('public Campaigns API reference, example by example (e2e)', () => {
  let t: TestApp;
  let key: TestKey;
  let templateId: string;
  let metaTemplateId: string;
  let groupId: string;
  let sourceId: string;
  let anurag: string;
  let lara: string;
  let campaign: Record<string, any>;
  const http = (k: TestKey = key) => t.http().set(k.auth);
  const outbox = async (id: string): Promise<string[]> =>
    (await t.app.get(DataSource).query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [id])).map((e: { type: string }) => e.type);

  /** The campaign object of the reference, field by field. */
  const expectCampaignObject = (c: Record<string, any>, fields: Record<string, unknown>) => {
    expect(c).toMatchObject({
      id: UUID,
      name: expect.any(String),
      status: expect.stringMatching(/^(DRAFT|SCHEDULED|RUNNING|PAUSED|COMPLETED|STOPPED|FAILED)$/),
      template_id: templateId,
      template_name: 'order_shipped',
      template_category: 'MARKETING',
      template_language: 'en_US',
      total_recipients: expect.any(Number),
      stats: { total: expect.any(Number), sent: expect.any(Number), delivered: expect.any(Number), read: expect.any(Number), failed: expect.any(Number), pending: expect.any(Number) },
      created_at: ISO,
      updated_at: ISO,
      ...fields,
    });
    expect(c).toHaveProperty('description');
    expect(c).toHaveProperty('variable_mapping');
    for (const at of ['scheduled_at', 'started_at', 'completed_at']) expect(c[at] === null || ISO.asymmetricMatch(c[at])).toBe(true);
  };

  beforeAll(async () => {
    t = await createTestApp();
    key = await createWorkspaceKey(t);
    metaTemplateId = String(Date.now());
    templateId = (await http().post(`${API}/templates`).send({ ...SHIPPED, meta_template_id: metaTemplateId }).expect(201)).body.id;
    await http().post(`${API}/channels`).send({ name: 'main', phone_number_id: '100000000000009', waba_id: '200000000000009', access_token: 'x', app_secret: 'y', api_base_url: 'http://127.0.0.1:9' }).expect(201);
    groupId = (await http().post(`${API}/groups`).send({ name: 'India launch' }).expect(201)).body.id;
    sourceId = (await http().post(`${API}/sources`).send({ name: 'Shopify import' }).expect(201)).body.id;
    await http()
      .post(`${API}/contacts/bulk`)
      .send({ contacts: [{ phone: '+919812345678', first_name: 'Anurag', email: 'anurag@example.com', custom_fields: { order_id: 'ORD-1042' } }], group_ids: [groupId] })
      .expect(200);
    await http().post(`${API}/contacts/bulk`).send({ contacts: [{ phone: '+447911123456', first_name: 'Lara' }], source_id: sourceId }).expect(200);
    const contacts = (await http().get(`${API}/contacts`).expect(200)).body.data as Array<{ id: string; first_name: string }>;
    anurag = contacts.find((c) => c.first_name === 'Anurag')!.id;
    lara = contacts.find((c) => c.first_name === 'Lara')!.id;
  });
  afterAll(async () => {
    await t.close();
  });

  it('POST /campaigns with the documented body: 201, the campaign object, SCHEDULED, campaign.created and campaign.scheduled', async () => {
    const scheduledAt = future();
    const res = await http()
      .post(`${API}/campaigns`)
      .set('Idempotency-Key', randomUUID())
      .send({
        name: 'May launch — India',
        description: 'Marketing blast for May product launch',
        template_id: templateId,
        batch_size: 50,
        variable_mapping: MAPPING,
        audience: { groups: [groupId], sources: [sourceId] },
        scheduled_at: scheduledAt,
      })
      .expect(201);
    expectCampaignObject(res.body, {
      name: 'May launch — India',
      description: 'Marketing blast for May product launch',
      status: 'SCHEDULED',
      variable_mapping: MAPPING,
      scheduled_at: scheduledAt,
      started_at: null,
      completed_at: null,
      total_recipients: 0,
      stats: { total: 0, sent: 0, delivered: 0, read: 0, failed: 0, pending: 0, skipped: 0 },
    });
    expect(await outbox(res.body.id)).toEqual(['campaign.created', 'campaign.scheduled']);
    campaign = res.body;
  });

  it('POST /campaigns: template_id may be Meta\'s id; without scheduled_at the campaign is a DRAFT; only name and template_id are required', async () => {
    const res = await http().post(`${API}/campaigns`).send({ name: 'Minimal', template_id: metaTemplateId, variable_mapping: MAPPING }).expect(201);
    expectCampaignObject(res.body, { name: 'Minimal', description: null, status: 'DRAFT', scheduled_at: null, batch_size: 50 });
    expect(await outbox(res.body.id)).toEqual(['campaign.created']);
    for (const [field, value] of [['name', ''], ['name', 'x'.repeat(121)], ['description', 'x'.repeat(501)], ['batch_size', 0], ['batch_size', 1001]] as const) {
      expect((await http().post(`${API}/campaigns`).send({ name: 'n', template_id: templateId, variable_mapping: MAPPING, [field]: value }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('GET /campaigns: { data: [campaign, …] }, newest first', async () => {
    const res = await http().get(`${API}/campaigns`).expect(200);
    expect(Object.keys(res.body).sort()).toEqual(['data', 'next_cursor']);
    expect(res.body.data.map((c: { name: string }) => c.name)).toEqual(['Minimal', 'May launch — India']);
    for (const c of res.body.data) expectCampaignObject(c, {});
  });

  it('GET /campaigns/{id}: the campaign object plus the audiences array (group + source rows)', async () => {
    const res = await http().get(`${API}/campaigns/${campaign.id}`).expect(200);
    expectCampaignObject(res.body, { id: campaign.id, name: 'May launch — India' });
    expect(res.body.audiences).toEqual([
      { type: 'group', id: groupId, name: 'India launch', contact_count: 1 },
      { type: 'source', id: sourceId, name: 'Shopify import', contact_count: 1 },
    ]);
  });

  it('GET /campaigns/{id}/audience/preview: { total, sample: [{ id, first_name, phone }] } without materialising', async () => {
    const res = await http().get(`${API}/campaigns/${campaign.id}/audience/preview`).expect(200);
    expect(res.body.total).toBe(2);
    expect(res.body.sample).toHaveLength(2);
    expect(res.body.sample).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: anurag, first_name: 'Anurag', phone: '+919812345678' }),
        expect.objectContaining({ id: lara, first_name: 'Lara', phone: '+447911123456' }),
      ]),
    );
    const [{ n }] = await t.app.get(DataSource).query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1`, [campaign.id]);
    expect(n).toBe(0);
  });

  it('POST /campaigns/{id}/audience/field-coverage: { total_recipients, coverage: { field: { present, missing } } }', async () => {
    const res = await http().post(`${API}/campaigns/${campaign.id}/audience/field-coverage`).send({ fields: ['first_name', 'email', 'custom_fields.order_id'] }).expect(200);
    expect(res.body).toEqual({
      total_recipients: 2,
      coverage: {
        first_name: { present: 2, missing: 0 },
        email: { present: 1, missing: 1 },
        'custom_fields.order_id': { present: 1, missing: 1 },
      },
    });
  });

  it('POST /campaigns/{id}/preview: { campaign_id, sample_contact_id, resolved_components: [{ type: BODY, text }] }', async () => {
    const res = await http().post(`${API}/campaigns/${campaign.id}/preview`).send({ sample_contact_id: anurag }).expect(200);
    expect(res.body).toMatchObject({
      campaign_id: campaign.id,
      sample_contact_id: anurag,
      resolved_components: [{ type: 'BODY', text: 'Hi Anurag, your order ORD-1042 has shipped.' }],
    });
    // Without sample_contact_id, a contact of the audience is used.
    const first = await http().post(`${API}/campaigns/${campaign.id}/preview`).send({}).expect(200);
    expect([anurag, lara]).toContain(first.body.sample_contact_id);
    expect(first.body.resolved_components).toEqual([{ type: 'BODY', text: expect.stringMatching(/^Hi (Anurag|Lara), your order /) }]);
  });

  it('PUT /campaigns/{id}/audience: replaces the audience while DRAFT or PAUSED, 400 otherwise', async () => {
    const draft = await http().post(`${API}/campaigns`).send({ name: 'Audience', template_id: templateId, variable_mapping: MAPPING }).expect(201);
    const res = await http().put(`${API}/campaigns/${draft.body.id}/audience`).send({ groups: [groupId], sources: [sourceId] }).expect(200);
    expectCampaignObject(res.body, { status: 'DRAFT', audience: { groups: [groupId], sources: [sourceId] } });
    const replaced = await http().put(`${API}/campaigns/${draft.body.id}/audience`).send({ groups: [groupId] }).expect(200);
    expect(replaced.body.audience).toEqual({ groups: [groupId], sources: [], segments: [], contact_ids: [] });
    // SCHEDULED is neither DRAFT nor PAUSED.
    expect((await http().put(`${API}/campaigns/${campaign.id}/audience`).send({ groups: [groupId] }).expect(400)).body.code).toBe('INVALID_TRANSITION');
    await http().post(`${API}/campaigns/${campaign.id}/pause`).expect(200);
    await http().put(`${API}/campaigns/${campaign.id}/audience`).send({ groups: [groupId], sources: [sourceId] }).expect(200);
    // Bad audience input is a 400.
    expect((await http().put(`${API}/campaigns/${draft.body.id}/audience`).send({ groups: ['g-1234'] }).expect(400)).body.code).toBe('VALIDATION_FAILED');
  });

  it('the lifecycle: schedule, pause, resume, send, stop, each answering the campaign object and emitting its event', async () => {
    const c = await http().post(`${API}/campaigns`).send({ name: 'Lifecycle', template_id: templateId, variable_mapping: MAPPING, audience: { groups: [groupId] } }).expect(201);
    const at = future();
    const scheduled = await http().post(`${API}/campaigns/${c.body.id}/schedule`).send({ scheduled_at: at }).expect(200);
    expectCampaignObject(scheduled.body, { status: 'SCHEDULED', scheduled_at: at });
    expectCampaignObject((await http().post(`${API}/campaigns/${c.body.id}/pause`).expect(200)).body, { status: 'PAUSED', pause_reason: 'MANUAL' });
    expectCampaignObject((await http().post(`${API}/campaigns/${c.body.id}/resume`).expect(200)).body, { status: 'SCHEDULED' });
    const sent = await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
    expectCampaignObject(sent.body, { status: 'RUNNING', started_at: ISO });
    expectCampaignObject((await http().post(`${API}/campaigns/${c.body.id}/pause`).expect(200)).body, { status: 'PAUSED' });
    expectCampaignObject((await http().post(`${API}/campaigns/${c.body.id}/stop`).expect(200)).body, { status: 'STOPPED' });
    // Stop is terminal: it cannot be resumed (a bad transition is a 400).
    expect((await http().post(`${API}/campaigns/${c.body.id}/resume`).expect(400)).body).toMatchObject({ statusCode: 400, code: 'INVALID_TRANSITION' });
    expect(await outbox(c.body.id)).toEqual([
      'campaign.created', 'campaign.scheduled', 'campaign.paused', 'campaign.resumed', 'campaign.started', 'campaign.paused', 'campaign.stopped',
    ]);
  });

  describe('analytics', () => {
    let stopped: string;
    beforeAll(async () => {
      stopped = (await http().post(`${API}/campaigns`).send({ name: 'Analytics', template_id: templateId, variable_mapping: MAPPING, scheduled_at: future() }).expect(201)).body.id;
      const now = new Date().toISOString();
      await seedRecipients(t, stopped, [
        ...Array.from({ length: 3 }, () => ({ status: 'failed' as const, error_code: '131056', error_message: 'Meta: marketing template rate cap reached', failed_at: now, created_at: now })),
        { status: 'failed', error_code: '470', error_message: "Template 'order_confirmation' in en_US is disabled.", failed_at: now, created_at: now },
        { status: 'delivered', sent_at: now, delivered_at: now, created_at: now },
        { status: 'pending', created_at: now },
      ]);
      await http().post(`${API}/campaigns/${stopped}/stop`).expect(200);
    });

    it('POST /campaigns/{id}/refresh-metrics: the campaign object with stats recomputed from the recipient rows', async () => {
      const res = await http().post(`${API}/campaigns/${stopped}/refresh-metrics`).expect(200);
      expectCampaignObject(res.body, { id: stopped, status: 'STOPPED' });
      expect(res.body.stats).toEqual({ total: 6, sent: 1, delivered: 1, read: 0, failed: 4, pending: 1, skipped: 0 });
    });

    it('GET /campaigns/{id}/errors: { total_failed, by_code: [{ code, title, fix, count, sample_message }] }', async () => {
      const res = await http().get(`${API}/campaigns/${stopped}/errors`).expect(200);
      expect(res.body.total_failed).toBe(4);
      expect(res.body.by_code).toEqual([
        { code: '131056', title: expect.any(String), fix: expect.any(String), count: 3, sample_message: 'Meta: marketing template rate cap reached' },
        { code: '470', title: expect.any(String), fix: expect.any(String), count: 1, sample_message: "Template 'order_confirmation' in en_US is disabled." },
      ]);
      // Recipients never dispatched before the stop stay pending and are queryable here.
      expect(res.body.skipped_by_code).toEqual([expect.objectContaining({ code: 'CAMPAIGN_STOPPED', count: 1 })]);
    });

    it('GET /campaigns/{id}/errors/{error_code}?limit=50: { error_code, recipients: [{ id, phone_number, contact_id, status, message_id, error }] }', async () => {
      const res = await http().get(`${API}/campaigns/${stopped}/errors/131056`).query({ limit: 50 }).expect(200);
      expect(res.body.error_code).toBe('131056');
      expect(res.body.recipients).toHaveLength(3);
      for (const r of res.body.recipients) {
        expect(r).toEqual({ id: UUID, phone_number: expect.stringMatching(/^\+\d+$/), contact_id: UUID, status: 'failed', message_id: expect.stringMatching(/^wamid\./), error: 'Meta: marketing template rate cap reached' });
      }
      expect((await http().get(`${API}/campaigns/${stopped}/errors/131056`).query({ limit: 201 }).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });
  });

  describe('scopes and errors', () => {
    it('campaigns:read lists, gets, previews the audience, reports field coverage and errors; nothing else', async () => {
      const reader = await createWorkspaceKey(t, ['campaigns:read'], key.workspaceId);
      await http(reader).get(`${API}/campaigns`).expect(200);
      await http(reader).get(`${API}/campaigns/${campaign.id}`).expect(200);
      await http(reader).get(`${API}/campaigns/${campaign.id}/audience/preview`).expect(200);
      await http(reader).post(`${API}/campaigns/${campaign.id}/audience/field-coverage`).send({ fields: ['email'] }).expect(200);
      await http(reader).get(`${API}/campaigns/${campaign.id}/errors`).expect(200);
      await http(reader).get(`${API}/campaigns/${campaign.id}/errors/131056`).expect(200);
      const denied = await http(reader).post(`${API}/campaigns`).send({ name: 'n', template_id: templateId }).expect(403);
      expect(denied.body).toMatchObject({ statusCode: 403, code: expect.any(String) });
      await http(reader).post(`${API}/campaigns/${campaign.id}/send`).expect(403);
    });

    it('campaigns:write creates, sets the audience, renders previews and refreshes metrics; campaigns:send runs the lifecycle', async () => {
      const writer = await createWorkspaceKey(t, ['campaigns:write'], key.workspaceId);
      const sender = await createWorkspaceKey(t, ['campaigns:send'], key.workspaceId);
      const c = await http(writer).post(`${API}/campaigns`).send({ name: 'w', template_id: templateId, variable_mapping: MAPPING }).expect(201);
      await http(writer).put(`${API}/campaigns/${c.body.id}/audience`).send({ groups: [groupId] }).expect(200);
      await http(writer).post(`${API}/campaigns/${c.body.id}/preview`).send({}).expect(200);
      await http(writer).post(`${API}/campaigns/${c.body.id}/refresh-metrics`).expect(200);
      await http(writer).post(`${API}/campaigns/${c.body.id}/schedule`).send({ scheduled_at: future() }).expect(403);
      await http(sender).post(`${API}/campaigns/${c.body.id}/schedule`).send({ scheduled_at: future() }).expect(200);
      await http(sender).post(`${API}/campaigns/${c.body.id}/pause`).expect(200);
      await http(sender).post(`${API}/campaigns/${c.body.id}/resume`).expect(200);
      await http(sender).post(`${API}/campaigns/${c.body.id}/stop`).expect(200);
      await http(sender).post(`${API}/campaigns`).send({ name: 'n', template_id: templateId }).expect(403);
    });

    it('401 without or with an invalid key, 404 for an unknown or malformed id, 422 for a bad variable_mapping', async () => {
      expect((await t.http().get(`${API}/campaigns`).expect(401)).body.statusCode).toBe(401);
      await t.http().get(`${API}/campaigns`).set({ Authorization: 'Bearer nope' }).expect(401);
      for (const id of [randomUUID(), 'cb-1234']) expect((await http().get(`${API}/campaigns/${id}`).expect(404)).body.code).toBe('CAMPAIGN_NOT_FOUND');
      const bad = await http().post(`${API}/campaigns`).send({ name: 'n', template_id: templateId, variable_mapping: { body: { '1': 'first_name' } } }).expect(422);
      expect(bad.body).toMatchObject({ statusCode: 422, code: 'INVALID_VARIABLE_MAPPING', details: [{ path: 'body.2', message: expect.any(String) }] });
    });

    it('another workspace sees none of it', async () => {
      const other = await createWorkspaceKey(t);
      for (const path of ['', '/audience/preview', '/errors']) await http(other).get(`${API}/campaigns/${campaign.id}${path}`).expect(404);
      expect((await http(other).get(`${API}/campaigns`).expect(200)).body.data).toEqual([]);
    });
  });
});
