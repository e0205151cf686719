import { MessageEventOutbox } from '../../libs/dispatch/src/database/message-event-outbox';
import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';
import { waitFor, WebhookReceiver } from './webhook-receiver';

type Batch = { campaign_id: string; messages: Array<{ recipient_id: string; phone: string; wamid: string | null; status: string; error_code: string | null }> };

describe('per-message outbound events (e2e)', () => {
  let t: TestApp;
  let w: World;
  const receivers: WebhookReceiver[] = [];

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { WEBHOOK_RELAY_INTERVAL_MS: '50', SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    // 150 contacts; the 15 numbers ending in 7 are refused (131026).
    w = await createWorld(t, { contacts: 150, phoneOffset: 8000, sandbox: { scenarios: [{ match: { suffix: '7' }, error_code: 131026 }] as never } });
  });
  afterAll(async () => {
    for (const r of receivers) await r.stop();
    await w.sandbox.close();
    await t.close();
  });

  it('come batched (≤ 100 messages an event) to endpoints that name them, never to `*`', async () => {
    const named = await new WebhookReceiver().start();
    const everything = await new WebhookReceiver().start();
    receivers.push(named, everything);
    const http = () => t.http().set(w.key.auth);
    await http().post(`${API}/webhooks`).send({ url: named.url, events: ['message.sent', 'message.delivered', 'message.read', 'message.failed', 'campaign.completed'] }).expect(201);
    await http().post(`${API}/webhooks`).send({ url: everything.url, events: ['*'] }).expect(201);
    // Who subscribes is cached briefly; start once the engine knows.
    const outbox = t.app.get(MessageEventOutbox);
    await eventually(async () => (await outbox.wanted()).has(w.key.workspaceId), { what: 'subscription seen' });

    const c = (await http().post(`${API}/campaigns`).send({ name: 'events', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 100 }).expect(201)).body;
    await http().post(`${API}/campaigns/${c.id}/send`).expect(200);
    await eventually(async () => {
      const x = (await http().get(`${API}/campaigns/${c.id}`).expect(200)).body;
      return x.status === 'COMPLETED' && x.stats.read === 135;
    }, { what: 'campaign read' });

    const batches = (type: string) => named.received.filter((r) => r.json.type === type).map((r) => r.json.data as Batch);
    const messagesOf = (type: string) => batches(type).flatMap((b) => b.messages);
    await waitFor(() => messagesOf('message.read').length >= 135 && named.types().includes('campaign.completed'), { what: 'read events', timeoutMs: 30_000 });

    const read = messagesOf('message.read');
    expect(read).toHaveLength(135);
    expect(new Set(read.map((m) => m.recipient_id)).size).toBe(135);
    for (const m of read) expect(m).toMatchObject({ status: 'read', wamid: expect.stringMatching(/^wamid\./), error_code: null });
    const failed = messagesOf('message.failed');
    expect(failed).toHaveLength(15);
    for (const m of failed) expect(m).toMatchObject({ status: 'failed', error_code: '131026', phone: expect.stringMatching(/7$/) });
    for (const type of ['message.sent', 'message.delivered', 'message.read', 'message.failed']) {
      for (const b of batches(type)) {
        expect(b.campaign_id).toBe(c.id);
        expect(b.messages.length).toBeGreaterThan(0);
        expect(b.messages.length).toBeLessThanOrEqual(100);
      }
    }
    // Each ledger write makes one event per type: the 15 refusals were recorded with their batch's other outcomes.
    expect(batches('message.failed').length).toBeLessThan(15);

    await waitFor(() => everything.types().includes('campaign.completed'), { what: 'campaign events to *' });
    expect(everything.types().filter((x) => x.startsWith('message.'))).toEqual([]);
  });

  it('refuses an unknown event name', async () => {
    const r = await t.http().set(w.key.auth).post(`${API}/webhooks`).send({ url: 'https://example.com/h', events: ['message.bounced'] }).expect(400);
    expect(r.body.code).toBe('VALIDATION_FAILED');
  });
});
