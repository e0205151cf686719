import { DataSource } from 'typeorm';
import { Webhook } from 'standardwebhooks';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, ORDER_MAPPING } from '../support/world';
import { LIFECYCLE, recordCampaignEvents, waitFor, WebhookReceiver } from './webhook-receiver';

/** Ten attempts, as in Standard Webhooks' schedule, but in milliseconds. */
const FAST_SCHEDULE = '0,100,150,200,250,300,350,400,450,500';

describe('outbound webhooks (e2e)', () => {
  let t: TestApp;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      workers: true,
      env: { WEBHOOK_RETRY_SCHEDULE_MS: FAST_SCHEDULE, WEBHOOK_RELAY_INTERVAL_MS: '50', WEBHOOK_SWEEP_INTERVAL_MS: '200' },
    });
  });
  afterAll(async () => {
    await t.close();
    await Promise.all(receivers.map((r) => r.stop()));
  });

  const receiver = async (responder?: ConstructorParameters<typeof WebhookReceiver>[0]) => {
    const r = await new WebhookReceiver(responder).start();
    receivers.push(r);
    return r;
  };

  const createEndpoint = async (k: TestKey, url: string, events: string[] = ['*']) => {
    const res = await t.http().post(`${API}/webhooks`).set(k.auth).send({ url, events }).expect(201);
    return res.body as { id: string; secret: string; events: string[]; status: string };
  };

  const deliveries = async (k: TestKey, id: string) =>
    (await t.http().get(`${API}/webhooks/${id}/deliveries?limit=200`).set(k.auth).expect(200)).body.data as Array<Record<string, any>>;

  const verify = (secret: string, r: { body: string; headers: Record<string, string> }) => new Webhook(secret).verify(r.body, r.headers);

  describe('endpoint management', () => {
    it('creates an endpoint and shows its Standard Webhooks secret once only', async () => {
      const k = await createWorkspaceKey(t, ['webhooks:read', 'webhooks:write']);
      const res = await t.http().post(`${API}/webhooks`).set(k.auth).send({ url: 'https://example.com/hook', events: ['campaign.completed', 'campaign.failed'], description: 'ops' }).expect(201);
      expect(res.body).toMatchObject({
        url: 'https://example.com/hook',
        events: ['campaign.completed', 'campaign.failed'],
        description: 'ops',
        status: 'enabled',
        disabled_at: null,
      });
      expect(res.body.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
      expect(() => new Webhook(res.body.secret)).not.toThrow();

      const got = await t.http().get(`${API}/webhooks/${res.body.id}`).set(k.auth).expect(200);
      const { secret, ...withoutSecret } = res.body;
      expect(got.body).toEqual(withoutSecret);
      const list = await t.http().get(`${API}/webhooks`).set(k.auth).expect(200);
      expect(list.body).toEqual({ data: [withoutSecret], next_cursor: null });
      expect(JSON.stringify(list.body)).not.toContain(secret.slice(6));
    });

    it('paginates newest first and deletes', async () => {
      const k = await createWorkspaceKey(t, ['webhooks:read', 'webhooks:write']);
      const ids: string[] = [];
      for (let i = 0; i < 3; i++) ids.push((await createEndpoint(k, `https://example.com/h${i}`)).id);
      const p1 = await t.http().get(`${API}/webhooks?limit=2`).set(k.auth).expect(200);
      expect(p1.body.data.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[1]]);
      const p2 = await t.http().get(`${API}/webhooks?limit=2&cursor=${p1.body.next_cursor}`).set(k.auth).expect(200);
      expect(p2.body).toMatchObject({ data: [{ id: ids[0] }], next_cursor: null });

      await t.http().delete(`${API}/webhooks/${ids[1]}`).set(k.auth).expect(204);
      const gone = await t.http().get(`${API}/webhooks/${ids[1]}`).set(k.auth).expect(404);
      expect(gone.body).toMatchObject({ statusCode: 404, code: 'WEBHOOK_NOT_FOUND' });
      await t.http().delete(`${API}/webhooks/${ids[1]}`).set(k.auth).expect(404);
      await t.http().get(`${API}/webhooks/${ids[1]}/deliveries`).set(k.auth).expect(404);
      const rest = await t.http().get(`${API}/webhooks`).set(k.auth).expect(200);
      expect(rest.body.data.map((e: { id: string }) => e.id)).toEqual([ids[2], ids[0]]);
    });

    it('stores "*" alone and de-duplicates event names', async () => {
      const k = await createWorkspaceKey(t, ['webhooks:write']);
      expect((await createEndpoint(k, 'https://example.com/a', ['campaign.created', '*'])).events).toEqual(['*']);
      expect((await createEndpoint(k, 'https://example.com/b', ['campaign.paused', 'campaign.paused'])).events).toEqual(['campaign.paused']);
    });

    it('400 for an unknown event, a non-http(s) URL and every other bad field at once', async () => {
      const k = await createWorkspaceKey(t, ['webhooks:write']);
      const bad = async (body: object) => (await t.http().post(`${API}/webhooks`).set(k.auth).send(body).expect(400)).body;

      const unknown = await bad({ url: 'https://example.com/x', events: ['campaign.created', 'campaign.exploded'] });
      expect(unknown).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
      expect(unknown.details.map((d: { field: string }) => d.field)).toEqual(['events']);

      for (const url of ['ftp://example.com/x', 'not a url', 'file:///etc/passwd', 'javascript:alert(1)', '//example.com/x']) {
        expect((await bad({ url, events: ['*'] })).details.map((d: { field: string }) => d.field)).toEqual(['url']);
      }
      const many = await bad({ url: 'gopher://x', events: [], description: 5, secret: 'mine' });
      expect(many.details.map((d: { field: string }) => d.field).sort()).toEqual(['description', 'events', 'secret', 'url']);
      expect((await bad({ url: 'https://example.com/x' })).details.map((d: { field: string }) => d.field)).toEqual(['events']);
      expect((await bad({ url: 'https://example.com/x', events: 'campaign.created' })).code).toBe('VALIDATION_FAILED');
    });

    it('401 without a key, 403 without the scope, 400 for a malformed id', async () => {
      await t.http().get(`${API}/webhooks`).expect(401);
      await t.http().post(`${API}/webhooks`).send({ url: 'https://example.com/x', events: ['*'] }).expect(401);
      const reader = await createWorkspaceKey(t, ['webhooks:read']);
      const forbidden = await t.http().post(`${API}/webhooks`).set(reader.auth).send({ url: 'https://example.com/x', events: ['*'] }).expect(403);
      expect(forbidden.body).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { missing: ['webhooks:write'] } });
      await t.http().get(`${API}/webhooks`).set(reader.auth).expect(200);
      const writer = await createWorkspaceKey(t, ['webhooks:write'], reader.workspaceId);
      const { id } = await createEndpoint(writer, 'https://example.com/x');
      await t.http().get(`${API}/webhooks/${id}`).set(writer.auth).expect(403);
      await t.http().get(`${API}/webhooks/${id}/deliveries`).set(writer.auth).expect(403);
      await t.http().delete(`${API}/webhooks/${id}`).set(reader.auth).expect(403);
      await t.http().post(`${API}/webhooks/${id}/test`).set(reader.auth).expect(403);
      expect((await t.http().get(`${API}/webhooks/not-a-uuid`).set(reader.auth).expect(404)).body.code).toBe('WEBHOOK_NOT_FOUND');
      expect((await t.http().get(`${API}/webhooks?cursor=zzz`).set(reader.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
    });

    it("answers 404 for another workspace's endpoint, whatever the operation", async () => {
      const owner = await createWorkspaceKey(t);
      const other = await createWorkspaceKey(t);
      const { id } = await createEndpoint(owner, 'https://example.com/x');
      await t.http().get(`${API}/webhooks/${id}`).set(other.auth).expect(404);
      await t.http().get(`${API}/webhooks/${id}/deliveries`).set(other.auth).expect(404);
      await t.http().post(`${API}/webhooks/${id}/test`).set(other.auth).expect(404);
      await t.http().delete(`${API}/webhooks/${id}`).set(other.auth).expect(404);
      expect((await t.http().get(`${API}/webhooks`).set(other.auth).expect(200)).body.data).toEqual([]);
      await t.http().get(`${API}/webhooks/${id}`).set(owner.auth).expect(200);
    });

    it('documents the endpoints in OpenAPI', async () => {
      const doc = (await t.http().get('/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([`${API}/webhooks`, `${API}/webhooks/{id}`, `${API}/webhooks/{id}/deliveries`, `${API}/webhooks/{id}/test`]),
      );
    });
  });

  describe('delivery', () => {
    it('delivers every campaign event once, signed, in order per campaign, to the endpoints subscribed to it', async () => {
      const k = await createWorkspaceKey(t);
      const all = await receiver();
      const onlyCompleted = await receiver();
      const everything = await createEndpoint(k, all.url, ['*']);
      const completed = await createEndpoint(k, onlyCompleted.url, ['campaign.completed']);
      const other = await createWorkspaceKey(t);
      const foreign = await receiver();
      await createEndpoint(other, foreign.url);

      const ds = t.app.get(DataSource);
      // Events no endpoint can subscribe to by name (internal ones that reached the outbox) are not sent to `*` either;
      // recorded first, they are relayed before the nine counted below.
      await recordCampaignEvents(ds, k.workspaceId, ['campaign.deleted', 'campaign.internal_probe']);
      const [a, b] = await Promise.all([recordCampaignEvents(ds, k.workspaceId, LIFECYCLE), recordCampaignEvents(ds, k.workspaceId, ['campaign.created', 'campaign.started', 'campaign.completed'])]);

      await waitFor(() => all.received.length >= 9, { what: '9 events' });
      await waitFor(() => onlyCompleted.received.length >= 2, { what: '2 completed events' });
      await waitFor(async () => (await deliveries(k, everything.id)).every((d) => d.status === 'delivered'), { what: 'deliveries settled' });

      for (const r of all.received) {
        expect(verify(everything.secret, r)).toEqual(r.json);
        expect(r.headers['webhook-id']).toBe(r.json.id);
        expect(r.headers['content-type']).toBe('application/json');
        expect(Object.keys(r.json)).toEqual(['id', 'type', 'created_at', 'data']);
        expect(r.json.data.campaign.id).toBeDefined();
      }
      expect(new Set(all.received.map((r) => r.json.id)).size).toBe(9);
      const typesOf = (campaign: string) => all.received.filter((r) => r.json.data.campaign.id === campaign).map((r) => r.json.type);
      expect(typesOf(a)).toEqual(LIFECYCLE);
      expect(typesOf(b)).toEqual(['campaign.created', 'campaign.started', 'campaign.completed']);

      expect(onlyCompleted.types()).toEqual(['campaign.completed', 'campaign.completed']);
      for (const r of onlyCompleted.received) expect(verify(completed.secret, r)).toEqual(r.json);
      expect(() => verify(completed.secret, all.received[0])).toThrow();
      expect(foreign.received).toEqual([]);

      const list = await deliveries(k, everything.id);
      expect(list).toHaveLength(9);
      for (const d of list) {
        expect(d).toMatchObject({ status: 'delivered', attempts: 1, last_response_status: 200, last_error: null, next_attempt_at: null });
        expect(d.latency_ms).toEqual(expect.any(Number));
      }
      expect(list.map((d) => d.event_id).sort()).toEqual(all.received.map((r) => r.json.id).sort());
    });

    it('retries a failing receiver with the same event id and keeps later events of the campaign waiting', async () => {
      const k = await createWorkspaceKey(t);
      const r = await receiver((n) => (n < 3 ? (n === 1 ? { status: 503, headers: { 'retry-after': '0' } } : 500) : 204));
      const ep = await createEndpoint(k, r.url);
      await recordCampaignEvents(t, k.workspaceId, ['campaign.created', 'campaign.started', 'campaign.completed']);

      await waitFor(() => r.received.length >= 6, { what: '6 requests' });
      expect(r.types()).toEqual(['campaign.created', 'campaign.created', 'campaign.created', 'campaign.created', 'campaign.started', 'campaign.completed']);
      expect(new Set(r.received.slice(0, 4).map((x) => x.headers['webhook-id'])).size).toBe(1);
      for (const x of r.received) expect(verify(ep.secret, x)).toEqual(x.json);

      const list = await waitFor(async () => {
        const l = await deliveries(k, ep.id);
        return l.length === 3 && l.every((d) => d.status === 'delivered') && l;
      });
      const created = list.find((d) => d.event_type === 'campaign.created')!;
      expect(created).toMatchObject({ attempts: 4, last_response_status: 204, last_error: null });
      expect(list.filter((d) => d !== created).map((d) => d.attempts)).toEqual([1, 1]);
    });

    it('shows a failing delivery as pending with its last error, then fails it when the schedule is exhausted and moves on', async () => {
      const k = await createWorkspaceKey(t);
      const r = await receiver((_n, req) => (req.json.type === 'campaign.created' ? 500 : 200));
      const ep = await createEndpoint(k, r.url);
      await recordCampaignEvents(t, k.workspaceId, ['campaign.created', 'campaign.started']);

      const pending = await waitFor(async () => (await deliveries(k, ep.id)).find((d) => d.event_type === 'campaign.created' && d.attempts >= 2));
      expect(pending).toMatchObject({ last_response_status: 500, last_error: 'HTTP 500' });

      const failed = await waitFor(async () => (await deliveries(k, ep.id)).find((d) => d.status === 'failed'));
      expect(failed).toMatchObject({ event_type: 'campaign.created', attempts: 10, last_response_status: 500, next_attempt_at: null });
      await waitFor(() => r.types().includes('campaign.started'), { what: 'the next event after the failed one' });
      expect(r.types()).toEqual([...Array(10).fill('campaign.created'), 'campaign.started']);
    });

    it('disables the endpoint when the receiver answers 410 Gone', async () => {
      const k = await createWorkspaceKey(t);
      const r = await receiver(() => 410);
      const ep = await createEndpoint(k, r.url);
      // Both events in one relay batch, so the second delivery exists, pending behind the first, when the 410 arrives.
      await recordCampaignEvents(t, k.workspaceId, ['campaign.created', 'campaign.started'], { together: true });

      const disabled = await waitFor(async () => {
        const e = (await t.http().get(`${API}/webhooks/${ep.id}`).set(k.auth).expect(200)).body;
        return e.status === 'disabled' && e;
      });
      expect(disabled.disabled_at).toEqual(expect.any(String));
      expect(disabled.disabled_reason).toMatch(/410/);
      const list = await deliveries(k, ep.id);
      expect(list.map((d) => d.status)).toEqual(['failed', 'failed']);
      expect(list.find((d) => d.event_type === 'campaign.created')).toMatchObject({ attempts: 1, last_response_status: 410 });
      expect(r.types()).toEqual(['campaign.created']);

      // Nothing is sent to it any more: a later event is kept as a failed delivery, missed while disabled.
      const later = await recordCampaignEvents(t, k.workspaceId, ['campaign.completed']);
      const ds = t.app.get(DataSource);
      await waitFor(async () => (await ds.query(`SELECT published_at FROM outbox_events WHERE aggregate_id = $1`, [later]))[0].published_at);
      const afterDisable = await deliveries(k, ep.id);
      expect(afterDisable).toHaveLength(3);
      const missed = afterDisable.find((d) => d.event_type === 'campaign.completed')!;
      expect(missed).toMatchObject({ status: 'failed', attempts: 0, last_error: 'endpoint disabled' });
      const test = await t.http().post(`${API}/webhooks/${ep.id}/test`).set(k.auth).expect(409);
      expect(test.body.code).toBe('WEBHOOK_DISABLED');
      // A missed delivery is replayed only once the endpoint is enabled again.
      expect((await t.http().post(`${API}/webhooks/${ep.id}/deliveries/${missed.id}/retry`).set(k.auth).expect(409)).body.code).toBe('WEBHOOK_DISABLED');
      expect(r.types()).toEqual(['campaign.created']);

      r.respondWith(() => 200);
      const enabled = await t.http().post(`${API}/webhooks/${ep.id}/enable`).set(k.auth).expect(200);
      expect(enabled.body).toMatchObject({ status: 'enabled', disabled_at: null, disabled_reason: null });
      const replay = await t.http().post(`${API}/webhooks/${ep.id}/deliveries/${missed.id}/retry`).set(k.auth).expect(202);
      expect(replay.body).toMatchObject({ id: missed.id, status: 'pending', event_id: missed.event_id });
      await waitFor(() => r.types().includes('campaign.completed'), { what: 'the replayed event' });
      expect(r.received.at(-1)!.json.id).toBe(missed.event_id);
      const done = await waitFor(async () => (await deliveries(k, ep.id)).find((d) => d.id === missed.id && d.status === 'delivered'));
      expect(done).toMatchObject({ attempts: 1, last_response_status: 200 });
      // Only a failed delivery can be retried; another workspace's ids are unknown.
      expect((await t.http().post(`${API}/webhooks/${ep.id}/deliveries/${missed.id}/retry`).set(k.auth).expect(409)).body.code).toBe('DELIVERY_NOT_FAILED');
      const stranger = await createWorkspaceKey(t);
      expect((await t.http().post(`${API}/webhooks/${ep.id}/enable`).set(stranger.auth).expect(404)).body.code).toBe('WEBHOOK_NOT_FOUND');
      await t.http().post(`${API}/webhooks/${ep.id}/deliveries/${missed.id}/retry`).set(stranger.auth).expect(404);
      const strangerEp = await createEndpoint(stranger, r.url);
      expect((await t.http().post(`${API}/webhooks/${strangerEp.id}/deliveries/${missed.id}/retry`).set(stranger.auth).expect(404)).body.code).toBe('DELIVERY_NOT_FOUND');
      // A malformed id is an unknown delivery, like every other resource id in a path; a NUL is refused at the door.
      expect((await t.http().post(`${API}/webhooks/${ep.id}/deliveries/not-a-uuid/retry`).set(k.auth).expect(404)).body.code).toBe('DELIVERY_NOT_FOUND');
      await t.http().post(`${API}/webhooks/${ep.id}/deliveries/${missed.id}%00/retry`).set(k.auth).expect(400);
    });

    it('disables an endpoint after five deliveries in a row failed every attempt, and not while some still get through', async () => {
      const k = await createWorkspaceKey(t);
      // Healthy at first: one event of each pair gets through, so failures are never five in a row.
      let healthy = true;
      const r = await receiver((_n, req) => (healthy && req.json.data.campaign.step === 0 ? 200 : 500));
      const ep = await createEndpoint(k, r.url);
      const status = async () => (await t.http().get(`${API}/webhooks/${ep.id}`).set(k.auth).expect(200)).body;
      for (let i = 0; i < 4; i++) await recordCampaignEvents(t, k.workspaceId, ['campaign.created', 'campaign.started']);
      await waitFor(async () => (await deliveries(k, ep.id)).filter((d) => d.status !== 'pending').length === 8, { what: '8 settled deliveries', timeoutMs: 30_000 });
      expect((await status()).status).toBe('enabled');

      healthy = false;
      for (let i = 0; i < 5; i++) await recordCampaignEvents(t, k.workspaceId, ['campaign.created']);
      const disabled = await waitFor(async () => {
        const e = await status();
        return e.status === 'disabled' && e;
      }, { what: 'the endpoint disabled', timeoutMs: 30_000 });
      expect(disabled.disabled_reason).toBe('5 deliveries in a row failed every attempt');
      // It can be enabled again like one disabled by a 410.
      expect((await t.http().post(`${API}/webhooks/${ep.id}/enable`).set(k.auth).expect(200)).body.status).toBe('enabled');
    });

    it('delivers the events of campaign state changes made through the API, with the campaign object as data', async () => {
      const w = await createWorld(t, { contacts: 1 });
      try {
        const r = await receiver();
        const ep = await createEndpoint(w.key, r.url);
        const http = () => t.http().set(w.key.auth);
        const c = await http()
          .post(`${API}/campaigns`)
          .send({ name: 'May launch', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } })
          .expect(201);
        const id = c.body.id;
        await http().post(`${API}/campaigns/${id}/schedule`).send({ scheduled_at: new Date(Date.now() + 3_600_000).toISOString() }).expect(200);
        await http().post(`${API}/campaigns/${id}/pause`).expect(200);
        await http().post(`${API}/campaigns/${id}/resume`).expect(200);
        const stopped = (await http().post(`${API}/campaigns/${id}/stop`).expect(200)).body;

        const expected = ['campaign.created', 'campaign.scheduled', 'campaign.paused', 'campaign.resumed', 'campaign.stopped'];
        await waitFor(() => r.received.length >= expected.length, { what: 'the lifecycle events' });
        expect(r.types()).toEqual(expected);
        for (const x of r.received) expect(verify(ep.secret, x)).toEqual(x.json);
        expect(r.received.map((x) => x.json.data.campaign.status)).toEqual(['DRAFT', 'SCHEDULED', 'PAUSED', 'SCHEDULED', 'STOPPED']);
        const last = r.received[r.received.length - 1].json.data.campaign;
        expect(last).toMatchObject({ id, name: 'May launch', status: 'STOPPED', template_id: w.templateId, updated_at: stopped.updated_at });
      } finally {
        await w.sandbox.close();
      }
    });

    it('sends a signed webhook.test event on demand', async () => {
      const k = await createWorkspaceKey(t);
      const r = await receiver();
      const ep = await createEndpoint(k, r.url, ['campaign.completed']);
      const res = await t.http().post(`${API}/webhooks/${ep.id}/test`).set(k.auth).expect(202);
      expect(res.body).toMatchObject({ event_type: 'webhook.test', status: 'pending', attempts: 0 });

      await waitFor(() => r.received.length === 1);
      const [got] = r.received;
      expect(verify(ep.secret, got)).toMatchObject({ id: res.body.event_id, type: 'webhook.test', data: { webhook: { id: ep.id, url: r.url } } });
      const d = await waitFor(async () => (await deliveries(k, ep.id)).find((x) => x.status === 'delivered'));
      expect(d).toMatchObject({ id: res.body.id, event_type: 'webhook.test', attempts: 1, last_response_status: 200 });
    });
  });
});
