import { gzipSync } from 'node:zlib';
import { DataSource } from 'typeorm';
import { signWebhookBody } from '@app/whatsapp';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { statusWebhook } from '../support/status-webhook';
import { createWorld, eventually, ORDER_MAPPING, PHONE_NUMBER_ID, SANDBOX_SECRET, WABA_ID, World } from '../support/world';

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
    const body = statusWebhook([{ id: 'wamid.unknown', status: 'delivered', timestamp: '1700000000', recipient_id: '12025550000' }]);
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
    const late = await post(statusWebhook([{ id: row.message_id, status: 'sent', timestamp: '1700000000', recipient_id: '12025550000' }])).expect(200);
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
    const res = await post(statusWebhook([{ id: 'wamid.never-sent', status: 'read', timestamp: '1700000000', recipient_id: '12025550000' }])).expect(200);
    expect(res.body).toEqual({ statuses: 1, template_updates: 0, replies: 0 });
    expect(await census()).toEqual(before);
    expect(await db.query(`SELECT id FROM campaign_recipients WHERE message_id = 'wamid.never-sent'`)).toHaveLength(0);
  });

  describe('the front lane (JSON POSTs answered ahead of the HTTP stack)', () => {
    const sentRow = async () => {
      const c = await t
        .http()
        .set(w.key.auth)
        .post(`${API}/campaigns`)
        .send({ name: `lane-${Math.random()}`, template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } })
        .expect(201);
      await t.http().set(w.key.auth).post(`${API}/campaigns/${c.body.id}/send`).expect(200);
      await eventually(async () => ((await t.http().set(w.key.auth).get(`${API}/campaigns/${c.body.id}`)).body.status === 'COMPLETED' ? true : null), {
        what: 'campaign completed',
      });
      // A campaign completes once every send is answered; its status webhooks (read last) may still be on their way.
      const row = await eventually(
        async () => (await t.app.get(DataSource).query(`SELECT id, message_id FROM campaign_recipients WHERE campaign_id = $1 AND status = 'read' LIMIT 1`, [c.body.id]))[0] ?? null,
        { what: 'a recipient read' },
      );
      // Back to sent, so a delivered/read report has something to move.
      await t.app.get(DataSource).query(`UPDATE campaign_recipients SET status = 'sent' WHERE id = $1`, [row.id]);
      return row as { id: string; message_id: string };
    };
    const statusOf = async (id: string) => (await t.app.get(DataSource).query(`SELECT status FROM campaign_recipients WHERE id = $1`, [id]))[0].status;

    it('takes a JSON POST itself (none of the security headers the stack adds) and applies it', async () => {
      const row = await sentRow();
      const res = await post(statusWebhook([{ id: row.message_id, status: 'delivered', timestamp: '1700000001', recipient_id: '12025550000' }])).expect(200);
      expect(res.headers['x-content-type-options']).toBeUndefined();
      expect(res.body).toEqual({ statuses: 1, template_updates: 0, replies: 0 });
      expect(await statusOf(row.id)).toBe('delivered');
      const metrics = (await t.http().get('/metrics').expect(200)).text;
      expect(metrics).toMatch(/wace_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/public\/webhooks\/whatsapp",status="200"\} [1-9]/);
    });

    it('leaves a compressed body to the full stack and its controller, which applies it the same way', async () => {
      const row = await sentRow();
      const raw = JSON.stringify(statusWebhook([{ id: row.message_id, status: 'read', timestamp: '1700000002', recipient_id: '12025550000' }]));
      // fetch, not supertest: superagent does not send a Buffer body as it is.
      const zipped = gzipSync(raw);
      const res = await fetch(`${t.url}${API}/webhooks/whatsapp`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip', 'X-Hub-Signature-256': signWebhookBody(raw, SANDBOX_SECRET) },
        body: zipped,
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.json()).toEqual({ statuses: 1, template_updates: 0, replies: 0 });
      expect(await statusOf(row.id)).toBe('read');
    });

    it('keeps the door: malformed JSON 400, over 1 MB 413, bad characters 400, each in the error shape', async () => {
      const malformed = await t.http().post(`${API}/webhooks/whatsapp`).set('Content-Type', 'application/json').send('{"object":').expect(400);
      expect(malformed.body).toMatchObject({ statusCode: 400, code: 'MALFORMED_JSON' });
      const big = await t
        .http()
        .post(`${API}/webhooks/whatsapp`)
        .set('Content-Type', 'application/json')
        .send(JSON.stringify({ object: 'whatsapp_business_account', pad: 'x'.repeat(1_100_000) }))
        .expect(413);
      expect(big.body).toMatchObject({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE' });
      const nul = await t.http().post(`${API}/webhooks/whatsapp`).set('Content-Type', 'application/json').send('{"object":"a\\u0000"}').expect(400);
      expect(nul.body).toMatchObject({ statusCode: 400, code: 'INVALID_CHARACTERS' });
    });
  });

  describe('a payload applies only within the channel whose app secret signed it', () => {
    const ATTACKER_SECRET = 'attacker-secret';
    let victimRows: Array<{ id: string; message_id: string }>;
    const db = () => t.app.get(DataSource);
    const statusesOf = async (ids: string[]) =>
      (await db().query(`SELECT status, error_message FROM campaign_recipients WHERE id = ANY($1::uuid[]) ORDER BY id`, [ids])) as Array<{ status: string; error_message: string | null }>;
    const attacker = async (channel: { phone_number_id: string; waba_id: string }) => {
      const k = await createWorkspaceKey(t);
      await t.http().post(`${API}/channels`).set(k.auth).send({ name: 'mine', access_token: 'x', app_secret: ATTACKER_SECRET, ...channel }).expect(201);
      return k;
    };
    const forStatuses = (phoneNumberId: string, statuses: Array<Record<string, unknown>>) => statusWebhook(statuses, { phoneNumberId, wabaId: WABA_ID });

    beforeAll(async () => {
      const c = await t
        .http()
        .set(w.key.auth)
        .post(`${API}/campaigns`)
        .send({ name: 'victim', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } })
        .expect(201);
      await t.http().set(w.key.auth).post(`${API}/campaigns/${c.body.id}/send`).expect(200);
      await eventually(async () => (await t.http().set(w.key.auth).get(`${API}/campaigns/${c.body.id}`).expect(200)).body.status === 'COMPLETED', { what: 'victim campaign done' });
      // The sandbox's own delivered/read webhooks must all be in first, or one landing late would move the rows reset below.
      await eventually(async () => w.sandbox.state.webhookBacklog() === 0, { what: 'sandbox status webhooks to drain' });
      victimRows = await db().query(`SELECT id, message_id FROM campaign_recipients WHERE campaign_id = $1 ORDER BY id LIMIT 3`, [c.body.id]);
      // As if Meta had not reported delivery yet: the rows can still move forwards.
      await db().query(`UPDATE campaign_recipients SET status = 'sent', delivered_at = NULL, read_at = NULL WHERE id = ANY($1::uuid[])`, [victimRows.map((r) => r.id)]);
    });

    it("ignores another workspace's wamids in a status payload signed with the attacker's own channel", async () => {
      const forged = (phoneNumberId: string) =>
        forStatuses(phoneNumberId, victimRows.map((r) => ({ id: r.message_id, status: 'failed', timestamp: '1800000000', errors: [{ code: 131026, title: 'pwned' }] })));
      await attacker({ phone_number_id: '300000000000001', waba_id: '400000000000001' });
      await post(forged('300000000000001'), ATTACKER_SECRET).expect(200);
      // Even registering the victim's own phone number id in the attacker's workspace gives no reach.
      await attacker({ phone_number_id: PHONE_NUMBER_ID, waba_id: '400000000000002' });
      await post(forged(PHONE_NUMBER_ID), ATTACKER_SECRET).expect(200);
      expect(await statusesOf(victimRows.map((r) => r.id))).toEqual(victimRows.map(() => ({ status: 'sent', error_message: null })));

      // The genuine channel's report moves the same rows: the forged ones were refused for their signer.
      await post(forStatuses(PHONE_NUMBER_ID, victimRows.map((r) => ({ id: r.message_id, status: 'delivered', timestamp: '1800000000' })))).expect(200);
      expect((await statusesOf(victimRows.map((r) => r.id))).map((r) => r.status)).toEqual(victimRows.map(() => 'delivered'));
    });

    it("ignores a template update for another workspace's WABA signed by an attacker who registered that WABA id", async () => {
      await attacker({ phone_number_id: '300000000000003', waba_id: WABA_ID });
      const update = (event: string, time: number) => ({
        object: 'whatsapp_business_account',
        entry: [
          {
            id: WABA_ID,
            time,
            changes: [
              {
                field: 'message_template_status_update',
                value: { event, message_template_id: Number(w.metaTemplateId), message_template_name: 'order_update', message_template_language: 'en_US', reason: 'NONE' },
              },
            ],
          },
        ],
      });
      const template = async () => (await t.http().set(w.key.auth).get(`${API}/templates/${w.templateId}`).expect(200)).body.status;
      await post(update('PAUSED', 1_800_000_100), ATTACKER_SECRET).expect(200);
      expect(await template()).toBe('APPROVED');

      // Signed by the victim's channel it applies, and an older event replayed afterwards does not undo it.
      await post(update('DISABLED', 1_800_000_200)).expect(200);
      expect(await template()).toBe('DISABLED');
      await post(update('APPROVED', 1_800_000_150)).expect(200);
      expect(await template()).toBe('DISABLED');
      await post(update('APPROVED', 1_800_000_300)).expect(200);
      expect(await template()).toBe('APPROVED');
    });

    it('refuses an unverifiable payload naming thousands of phone ids with 401, without applying anything', async () => {
      const ids = Array.from({ length: 9_500 }, (_, i) => String(500000000000000 + i));
      const body = {
        object: 'whatsapp_business_account',
        entry: [{ id: WABA_ID, changes: ids.map((id) => ({ field: 'messages', value: { metadata: { phone_number_id: id }, statuses: [] } })) }],
      };
      const raw = JSON.stringify(body);
      expect(raw.length).toBeGreaterThan(500_000);
      const res = await post(body, 'nobody-has-this-secret').expect(401);
      expect(res.body.code).toBe('INVALID_SIGNATURE');
    });
  });
});
