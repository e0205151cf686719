import { verifyWebhookSignature, WhatsAppClient } from '@app/whatsapp';
import { createSandbox, Sandbox } from '../../apps/wa-sandbox/src/sandbox';
import { call, eventually, WebhookReceiver } from './helpers';

const SECRET = 'whsec-test';

describe('sandbox status webhooks', () => {
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  let client: WhatsAppClient;
  const target = () => ({ apiBaseUrl: sandbox.url, accessToken: 'sandbox-token', phoneNumberId: '100000000000001' });
  const send = (to: string, bizOpaqueCallbackData?: string) =>
    client.sendTemplate(target(), { to, templateName: 'hello_world', language: 'en_US', components: [], bizOpaqueCallbackData });

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    sandbox = await createSandbox({ webhookUrl: receiver.url, appSecret: SECRET, statusDelayMs: 20, mps: 0, webhookRetryBaseMs: 20 });
    client = new WhatsAppClient();
  });

  beforeEach(async () => {
    await call(sandbox.url, 'POST', '/__sandbox/reset');
    receiver.clear();
    receiver.failNext = 0;
  });

  afterAll(async () => {
    await client.close();
    await sandbox.close();
    await receiver.close();
  });

  const sendThree = async (config: Record<string, unknown>) => {
    // A flush window wide enough that the three sends' statuses could share POSTs even on a slow machine.
    await call(sandbox.url, 'PUT', '/__sandbox/config', { status_delay_ms: 300, ...config });
    const sent = await Promise.all(['+15551110001', '+15551110002', '+15551110003'].map((to, i) => send(to, `rcp-${i}`)));
    await eventually(() => sent.every((s) => receiver.statusesOf(s.wamid).includes('read')), 'read statuses');
    return receiver.received.map((w) => w.body.entry[0].changes[0].value.statuses.length);
  };

  it("sends one status per POST by default, as Meta mostly does, and batches only when asked", async () => {
    expect(new Set(await sendThree({}))).toEqual(new Set([1]));
    receiver.clear();
    expect(Math.max(...(await sendThree({ statuses_per_post: 100 })))).toBeGreaterThan(1);
    for (const bad of [0, 101, 1.5]) {
      expect((await call(sandbox.url, 'PUT', '/__sandbox/config', { statuses_per_post: bad })).status).toBe(400);
    }
  });

  it('sends signed statuses in order sent → delivered → read, echoing biz_opaque_callback_data', async () => {
    await call(sandbox.url, 'PUT', '/__sandbox/config', { status_delay_ms: 300, statuses_per_post: 100 });
    const sent = await Promise.all(['+15551110001', '+15551110002', '+15551110003'].map((to, i) => send(to, `rcp-${i}`)));
    await eventually(() => sent.every((s) => receiver.statusesOf(s.wamid).includes('read')), 'read statuses');

    for (const w of receiver.received) {
      expect(verifyWebhookSignature(w.raw, w.signature, SECRET)).toBe(true);
      expect(verifyWebhookSignature(w.raw, w.signature, 'another-secret')).toBe(false);
      expect(w.body).toMatchObject({ object: 'whatsapp_business_account', entry: [{ id: '200000000000001', changes: [{ field: 'messages' }] }] });
    }
    sent.forEach((s, i) => {
      expect(receiver.statusesOf(s.wamid)).toEqual(['sent', 'delivered', 'read']);
      const statuses = receiver.statuses().filter((st) => st.id === s.wamid);
      expect(statuses.every((st) => st.biz_opaque_callback_data === `rcp-${i}`)).toBe(true);
    });
  });

  it('applies never_read, async failure and drop_webhooks scenarios', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', [
      { match: { phone: '15552220001' }, never_read: true },
      { match: { suffix: '0002' }, async_error_code: 131049 },
      { match: { regex: '^1555222000[3]$' }, drop_webhooks: true },
    ]);
    const unread = await send('+15552220001');
    const failing = await send('+15552220002');
    const silent = await send('+15552220003');
    const control = await send('+15552220004');
    await eventually(() => receiver.statusesOf(control.wamid).includes('read') && receiver.statusesOf(failing.wamid).length > 0, 'statuses');

    expect(receiver.statusesOf(unread.wamid)).toEqual(['sent', 'delivered']);
    expect(receiver.statusesOf(failing.wamid)).toEqual(['failed']);
    expect(receiver.statuses().find((s) => s.id === failing.wamid)!.errors).toEqual([expect.objectContaining({ code: 131049 })]);
    expect(receiver.statusesOf(silent.wamid)).toEqual([]);
  });

  it('delivers statuses out of order and duplicated when asked to', async () => {
    await call(sandbox.url, 'PUT', '/__sandbox/config', { shuffle: true, duplicates: true });
    const sent = await Promise.all(['+15553330001', '+15553330002', '+15553330003', '+15553330004'].map((to) => send(to)));
    const complete = () => sent.every((s) => new Set(receiver.statusesOf(s.wamid)).size === 3);
    await eventually(() => complete() && receiver.statuses().length > 12, 'all statuses plus duplicates');

    const orders = sent.map((s) => [...new Set(receiver.statusesOf(s.wamid))]);
    expect(orders.some((o) => o.join() !== 'sent,delivered,read')).toBe(true);
    const keys = receiver.statuses().map((s) => `${s.id}/${s.status}`);
    expect(new Set(keys).size).toBeLessThan(keys.length);
    for (const w of receiver.received) expect(verifyWebhookSignature(w.raw, w.signature, SECRET)).toBe(true);
  });

  it('retries webhook POSTs that fail', async () => {
    receiver.failNext = 2;
    const s = await send('+15554440001');
    await eventually(() => receiver.statusesOf(s.wamid).includes('read'), 'statuses after retries');
    expect(receiver.statusesOf(s.wamid)).toEqual(['sent', 'delivered', 'read']);
    const stats = await call(sandbox.url, 'GET', '/__sandbox/stats');
    expect(stats.body.webhooks.failed_attempts).toBe(2);
  });

  it('lists every accepted send and counts recipients messaged more than once', async () => {
    await send('+15555550001', 'a');
    await send('+15555550001', 'b');
    await send('+15555550002');
    const listed = await call(sandbox.url, 'GET', '/__sandbox/messages?to=%2B15555550001');
    expect(listed.body.data.map((m: any) => m.biz_opaque_callback_data)).toEqual(['a', 'b']);
    expect(listed.body.data[0]).toEqual(expect.objectContaining({ to: '+15555550001', template: { name: 'hello_world', language: 'en_US' }, accepted_at: expect.any(String) }));
    const stats = await call(sandbox.url, 'GET', '/__sandbox/stats');
    expect(stats.body).toMatchObject({ accepted: 3, recipients: 2, recipients_messaged_more_than_once: 1, duplicates: [{ to: '15555550001', count: 2 }] });
    expect(stats.body.per_recipient).toEqual({ '15555550001': 2, '15555550002': 1 });
    // The summary a poller asks for: the same counts, without the per-recipient parts.
    const summary = await call(sandbox.url, 'GET', '/__sandbox/stats?recipients=false');
    // (The webhook counters move between the two reads: the statuses of these sends are still going out.)
    expect(summary.body).toMatchObject({ accepted: 3, recipients: 2, recipients_messaged_more_than_once: 1, rejected: {} });
    expect(Object.keys(summary.body)).not.toContain('per_recipient');
    expect(Object.keys(summary.body)).not.toContain('duplicates');
  });

  it('exposes its configuration and validates changes', async () => {
    const put = await call(sandbox.url, 'PUT', '/__sandbox/config', { latency_ms: 5, mps: 80 });
    expect(put.body).toMatchObject({ latency_ms: 5, mps: 80, webhook_url: receiver.url });
    expect((await call(sandbox.url, 'PUT', '/__sandbox/config', { mps: -1 })).status).toBe(400);
    expect((await call(sandbox.url, 'PUT', '/__sandbox/config', { bogus: 1 })).status).toBe(400);
    await call(sandbox.url, 'POST', '/__sandbox/reset');
    expect((await call(sandbox.url, 'GET', '/__sandbox/config')).body).toMatchObject({ latency_ms: 0, mps: 0 });
  });

  it('serves extra numbers registered through the control API', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/numbers', { phone_number_id: '100000000000002', waba_id: '200000000000002', access_token: 'token-2' });
    await call(sandbox.url, 'POST', '/__sandbox/templates', { name: 'hello_world', language: 'en_US', waba_id: '200000000000002', components: [] });
    const res = await client.sendTemplate(
      { apiBaseUrl: sandbox.url, accessToken: 'token-2', phoneNumberId: '100000000000002' },
      { to: '+15556660001', templateName: 'hello_world', language: 'en_US', components: [] },
    );
    await eventually(() => receiver.statusesOf(res.wamid).includes('sent'), 'status from the second number');
    const post = receiver.received.find((w) => w.body.entry[0].changes[0].value.statuses.some((s: any) => s.id === res.wamid))!;
    expect(post.body.entry[0].id).toBe('200000000000002');
    expect(post.body.entry[0].changes[0].value.metadata.phone_number_id).toBe('100000000000002');
  });
});
