import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { dataSourceOptions, OutboxEventEntity } from '@app/platform';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { LIFECYCLE, recordCampaignEvents, waitFor, WebhookReceiver } from './webhook-receiver';

/** Long enough for the receiver to come back before the first event runs out of attempts. */
const SCHEDULE = '0,200,400,800,1600,3200,6400,10000,10000,10000';
const FAST = { WEBHOOK_RETRY_SCHEDULE_MS: SCHEDULE, WEBHOOK_RELAY_INTERVAL_MS: '50', WEBHOOK_SWEEP_INTERVAL_MS: '200' };

const deliveries = async (t: TestApp, k: TestKey, id: string) =>
  (await t.http().get(`${API}/webhooks/${id}/deliveries?limit=200`).set(k.auth).expect(200)).body.data as Array<Record<string, any>>;

describe('outbound webhooks: durability (e2e)', () => {
  const apps: TestApp[] = [];
  const receivers: WebhookReceiver[] = [];
  let db: DataSource;

  beforeAll(async () => {
    db = await new DataSource(dataSourceOptions(process.env.DATABASE_URL!, [], [OutboxEventEntity])).initialize();
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await Promise.all(receivers.map((r) => r.stop()));
    await db.destroy();
  });

  const start = async (opts: Parameters<typeof createTestApp>[0]) => {
    const t = await createTestApp(opts);
    apps.push(t);
    return t;
  };
  const stop = async (t: TestApp) => {
    apps.splice(apps.indexOf(t), 1);
    await t.close();
  };

  it('loses nothing recorded while the worker was down and the receiver unreachable: all delivered once, in order', async () => {
    const receiver = new WebhookReceiver();
    receivers.push(receiver);
    await receiver.start();
    const first = await start({ workers: true, env: FAST });
    const k = await createWorkspaceKey(first);
    const ep = (await first.http().post(`${API}/webhooks`).set(k.auth).send({ url: receiver.url, events: ['*'] }).expect(201)).body;
    await stop(first);
    await receiver.stop(); // the port stays known: the receiver comes back on it later

    const a = await recordCampaignEvents(db, k.workspaceId, LIFECYCLE);
    const b = await recordCampaignEvents(db, k.workspaceId, ['campaign.created', 'campaign.failed']);

    const second = await start({ workers: true, env: FAST });
    const failing = await waitFor(async () => (await deliveries(second, k, ep.id)).find((d) => d.attempts >= 1 && d.last_error), {
      what: 'an attempt against the unreachable receiver',
    });
    expect(failing).toMatchObject({ status: 'pending', last_response_status: null, event_type: 'campaign.created' });
    expect(await deliveries(second, k, ep.id)).toHaveLength(LIFECYCLE.length + 2);

    await receiver.start();
    await waitFor(async () => (await deliveries(second, k, ep.id)).every((d) => d.status === 'delivered'), { what: 'all delivered', timeoutMs: 30_000 });

    expect(receiver.received).toHaveLength(LIFECYCLE.length + 2);
    expect(new Set(receiver.received.map((r) => r.json.id)).size).toBe(LIFECYCLE.length + 2);
    for (const r of receiver.received) expect(new Webhook(ep.secret).verify(r.body, r.headers)).toEqual(r.json);
    const typesOf = (campaign: string) => receiver.received.filter((r) => r.json.data.campaign.id === campaign).map((r) => r.json.type);
    expect(typesOf(a)).toEqual(LIFECYCLE);
    expect(typesOf(b)).toEqual(['campaign.created', 'campaign.failed']);
    await stop(second);
  });

  it('recovers a delivery whose queue job was lost, from the database alone', async () => {
    const receiver = new WebhookReceiver();
    receivers.push(receiver);
    await receiver.start();
    const t = await start({ workers: true, env: FAST });
    const k = await createWorkspaceKey(t);
    const ep = (await t.http().post(`${API}/webhooks`).set(k.auth).send({ url: receiver.url, events: ['*'] }).expect(201)).body;

    // A pending delivery with no job anywhere, as after a Redis flush.
    const eventId = randomUUID();
    const body = JSON.stringify({ id: eventId, type: 'campaign.started', created_at: new Date().toISOString(), data: { campaign: { id: randomUUID() } } });
    await db.query(
      `INSERT INTO webhook_deliveries (id, endpoint_id, event_id, event_type, event_seq, aggregate_id, body) VALUES ($1, $2, $3, 'campaign.started', NULL, NULL, $4)`,
      [randomUUID(), ep.id, eventId, body],
    );

    await waitFor(() => receiver.received.length === 1, { what: 'the swept delivery' });
    expect(receiver.received[0].body).toBe(body);
    expect(receiver.received[0].headers['webhook-id']).toBe(eventId);
    await waitFor(async () => (await deliveries(t, k, ep.id)).every((d) => d.status === 'delivered' && d.attempts === 1));
    await stop(t);
  });

  describe('with private URLs refused (production setting)', () => {
    let strict: TestApp;
    beforeAll(async () => {
      strict = await start({ workers: true, env: { ...FAST, WEBHOOKS_ALLOW_PRIVATE_URLS: 'false' } });
    });

    it.each([
      'http://127.0.0.1:8080/hook',
      'http://localhost/hook',
      'http://[::1]/hook',
      'http://10.0.0.7/hook',
      'https://172.20.1.1/hook',
      'http://192.168.1.10/hook',
      'http://169.254.169.254/latest/meta-data',
      'http://0.0.0.0/hook',
      'http://100.64.0.1/hook',
      'http://[fd00::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::ffff:0:7f00:1]/hook',
      'http://[64:ff9b::7f00:1]/hook',
      'http://[2002:7f00:1::1]/hook',
      'http://[2001::1]/hook',
      'http://198.18.0.1/hook',
      'http://192.0.0.8/hook',
      'http://192.0.2.1/hook',
      'http://[100::1]/hook',
      'http://[fec0::1]/hook',
    ])('refuses %s with WEBHOOK_URL_NOT_ALLOWED', async (url) => {
      const k = await createWorkspaceKey(strict, ['webhooks:write']);
      const res = await strict.http().post(`${API}/webhooks`).set(k.auth).send({ url, events: ['*'] }).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'WEBHOOK_URL_NOT_ALLOWED' });
    });

    it('accepts a public address', async () => {
      const k = await createWorkspaceKey(strict, ['webhooks:write']);
      await strict.http().post(`${API}/webhooks`).set(k.auth).send({ url: 'https://93.184.216.34/hook', events: ['*'] }).expect(201);
    });

    it('re-checks the address at delivery time, so an endpoint that now resolves privately gets nothing', async () => {
      const receiver = new WebhookReceiver();
      receivers.push(receiver);
      await receiver.start();
      // Registered where private URLs were allowed: for the strict worker it is as if its DNS had changed.
      const lax = await start({ workers: false });
      const k = await createWorkspaceKey(lax);
      const ep = (await lax.http().post(`${API}/webhooks`).set(k.auth).send({ url: receiver.url, events: ['*'] }).expect(201)).body;
      await recordCampaignEvents(db, k.workspaceId, ['campaign.created']);

      const refused = await waitFor(async () => (await deliveries(strict, k, ep.id)).find((d) => d.attempts >= 1 && d.last_error));
      expect(refused).toMatchObject({ status: 'pending', last_response_status: null });
      expect(refused.last_error).toMatch(/public address.*127\.0\.0\.1 \(loopback\)/);
      expect(receiver.received).toEqual([]);
    });
  });
});
