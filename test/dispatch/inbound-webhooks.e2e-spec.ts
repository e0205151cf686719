import { DataSource } from 'typeorm';
import { signWebhookBody } from '@app/whatsapp';
import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, PHONE_NUMBER_ID, SANDBOX_SECRET, WABA_ID, World } from '../support/world';

const envelope = (statuses: Array<Record<string, unknown>>) => ({
  object: 'whatsapp_business_account',
  entry: [
    {
      id: WABA_ID,
      changes: [
        {
          field: 'messages',
          value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550000000', phone_number_id: PHONE_NUMBER_ID }, statuses },
        },
      ],
    },
  ],
});

describe('inbound WhatsApp webhooks (e2e)', () => {
  let t: TestApp;
  let w: World;
  const post = (body: unknown, secret = SANDBOX_SECRET) => {
    const raw = JSON.stringify(body);
    return t
      .http()
      .post(`${API}/webhooks/whatsapp`)
      .set('Content-Type', 'application/json')
      .set('X-Hub-Signature-256', signWebhookBody(raw, secret))
      .send(raw);
  };

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { WHATSAPP_VERIFY_TOKEN: 'verify-me', SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, { contacts: 200, sandbox: { shuffle: true, duplicates: true } });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it("answers Meta's verification handshake only with the right token", async () => {
    const ok = await t.http().get(`${API}/webhooks/whatsapp`).query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' }).expect(200);
    expect(ok.text).toBe('1158201444');
    const bad = await t.http().get(`${API}/webhooks/whatsapp`).query({ 'hub.mode': 'subscribe', 'hub.verify_token': 'nope', 'hub.challenge': 'x' }).expect(403);
    expect(bad.body.code).toBe('VERIFICATION_FAILED');
  });

  it('401 for a missing or wrong signature, and nothing is applied', async () => {
    const body = envelope([{ id: 'wamid.unknown', status: 'delivered', timestamp: '1700000000', recipient_id: '12025550000' }]);
    const missing = await t.http().post(`${API}/webhooks/whatsapp`).send(body).expect(401);
    expect(missing.body.code).toBe('INVALID_SIGNATURE');
    await post(body, 'another-secret').expect(401);
  });

  it('applies shuffled, duplicated statuses monotonically: stats end exact', async () => {
    const c = await t
      .http()
      .set(w.key.auth)
      .post(`${API}/campaigns`)
      .send({ name: 'shuffled', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } })
      .expect(201);
    await t.http().set(w.key.auth).post(`${API}/campaigns/${c.body.id}/send`).expect(200);
    const done = await eventually(
      async () => {
        const r = await t.http().set(w.key.auth).get(`${API}/campaigns/${c.body.id}`).expect(200);
        return r.body.status === 'COMPLETED' && r.body.stats.read === 200 ? r.body : null;
      },
      { what: 'completion with every message read' },
    );
    expect(done.stats).toEqual({ total: 200, sent: 200, delivered: 200, read: 200, failed: 0, pending: 0, skipped: 0 });
    expect(w.sandbox.state.stats().webhooks).toBeDefined();

    // Replaying an old status afterwards never moves a recipient backwards.
    const [row] = await t.app.get(DataSource).query(`SELECT id, message_id FROM campaign_recipients WHERE campaign_id = $1 LIMIT 1`, [c.body.id]);
    const late = await post(envelope([{ id: row.message_id, status: 'sent', timestamp: '1700000000', recipient_id: '12025550000' }])).expect(200);
    expect(late.body).toMatchObject({ statuses: 1 });
    const [after] = await t.app.get(DataSource).query(`SELECT status FROM campaign_recipients WHERE id = $1`, [row.id]);
    expect(after.status).toBe('read');
    const again = await t.http().set(w.key.auth).get(`${API}/campaigns/${c.body.id}`).expect(200);
    expect(again.body.stats).toEqual(done.stats);
  });

  it('ignores unknown wamids and answers 200', async () => {
    const db = t.app.get(DataSource);
    const census = () => db.query(`SELECT status, count(*)::int AS n FROM campaign_recipients GROUP BY status ORDER BY status`);
    const before = await census();
    const res = await post(envelope([{ id: 'wamid.never-sent', status: 'read', timestamp: '1700000000', recipient_id: '12025550000' }])).expect(200);
    expect(res.body).toEqual({ statuses: 1, template_updates: 0 });
    expect(await census()).toEqual(before);
    expect(await db.query(`SELECT id FROM campaign_recipients WHERE message_id = 'wamid.never-sent'`)).toHaveLength(0);
  });
});
