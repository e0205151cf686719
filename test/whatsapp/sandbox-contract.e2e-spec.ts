import { WhatsAppClient } from '@app/whatsapp';
import { createSandbox, Sandbox } from '../../apps/wa-sandbox/src/sandbox';
import { call, eventually, shapeOf, WebhookReceiver } from './helpers';
import sendResponse from './fixtures/send-response.json';
import errorResponse from './fixtures/error-response.json';
import oauthErrorResponse from './fixtures/error-response-oauth.json';
import statusSent from './fixtures/status-webhook-sent.json';
import statusFailed from './fixtures/status-webhook-failed.json';
import templateStatus from './fixtures/template-status-webhook.json';
import templateList from './fixtures/message-templates.json';

/**
 * The fixtures follow Meta's documented examples; the sandbox must produce payloads with the same
 * structure (same keys, same JSON types) so code tested against it works against Meta.
 */
describe('sandbox payloads follow Meta’s contract', () => {
  let sandbox: Sandbox;
  let receiver: WebhookReceiver;
  const auth = { authorization: 'Bearer sandbox-token' };
  const send = (to: string, extra: Record<string, unknown> = {}, headers = auth) =>
    call(sandbox.url, 'POST', '/v21.0/100000000000001/messages', {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to,
      type: 'template',
      template: { name: 'order_confirmation', language: { code: 'en_US' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }, { type: 'text', text: 'A-1' }] }] },
      ...extra,
    }, headers);

  beforeAll(async () => {
    receiver = await new WebhookReceiver().start();
    sandbox = await createSandbox({ webhookUrl: receiver.url, statusDelayMs: 10, mps: 0 });
    await call(sandbox.url, 'POST', '/__sandbox/templates', {
      name: 'order_confirmation', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} is confirmed.' }],
    });
  });

  afterAll(async () => {
    await sandbox.close();
    await receiver.close();
  });

  it('answers a send like Meta', async () => {
    const res = await send('16505555555');
    expect(res.status).toBe(200);
    expect(shapeOf(res.body)).toEqual(shapeOf(sendResponse));
    expect(res.body.messaging_product).toBe('whatsapp');
    expect(res.body.contacts[0]).toEqual({ input: '16505555555', wa_id: '16505555555' });
  });

  it('answers errors with Meta’s envelope and HTTP status', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', { phone: '16505550001', error_code: 131056, times: 1 });
    const res = await send('+16505550001');
    expect(res.status).toBe(400);
    expect(shapeOf(res.body)).toEqual(shapeOf(errorResponse));
    expect(res.body.error).toMatchObject({ code: 131056, type: 'OAuthException', message: errorResponse.error.message });

    const oauth = await send('+16505550002', {}, { authorization: 'Bearer nope' });
    expect(oauth.status).toBe(401);
    expect(shapeOf(oauth.body)).toEqual(shapeOf(oauthErrorResponse));
  });

  it('lists templates with Graph API paging', async () => {
    const first = await call(sandbox.url, 'GET', '/v21.0/200000000000001/message_templates?limit=1', undefined, auth);
    expect(first.status).toBe(200);
    expect(shapeOf(first.body)).toEqual(shapeOf(templateList));
    const next = new URL(first.body.paging.next);
    expect(next.searchParams.get('after')).toBe(first.body.paging.cursors.after);
    const second = await call(sandbox.url, 'GET', next.pathname + next.search, undefined, auth);
    expect(second.body.data.map((t: { name: string }) => t.name)).toEqual(['order_confirmation']);
    expect(second.body.paging.next).toBeUndefined();
    expect(second.body.paging.previous).toEqual(expect.any(String));
  });

  it('posts status webhooks shaped like Meta’s (sent and failed)', async () => {
    receiver.clear();
    const ok = await send('+16505551234', { biz_opaque_callback_data: 'recipient-7c1a' });
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', { phone: '16505554321', async_error_code: 131049 });
    const failed = await send('+16505554321');
    const wamid = ok.body.messages[0].id;
    const failedId = failed.body.messages[0].id;
    await eventually(() => receiver.statusesOf(wamid).includes('sent') && receiver.statusesOf(failedId).includes('failed'), 'sent and failed statuses');

    const sentPost = receiver.received.find((w) => w.body.entry[0].changes[0].value.statuses.some((s: any) => s.id === wamid && s.status === 'sent'))!;
    const sentOnly = structuredClone(sentPost.body);
    sentOnly.entry[0].changes[0].value.statuses = sentOnly.entry[0].changes[0].value.statuses.filter((s: any) => s.id === wamid);
    expect(shapeOf(sentOnly)).toEqual(shapeOf(statusSent));
    expect(sentOnly.entry[0].changes[0].value.statuses[0]).toMatchObject({
      recipient_id: '16505551234', biz_opaque_callback_data: 'recipient-7c1a', pricing: { category: 'marketing' },
    });

    const failedPost = receiver.received.find((w) => w.body.entry[0].changes[0].value.statuses.some((s: any) => s.id === failedId))!;
    const failedOnly = structuredClone(failedPost.body);
    failedOnly.entry[0].changes[0].value.statuses = failedOnly.entry[0].changes[0].value.statuses.filter((s: any) => s.id === failedId);
    expect(shapeOf(failedOnly)).toEqual(shapeOf(statusFailed));
    expect(failedOnly.entry[0].changes[0].value.statuses[0].errors[0].code).toBe(131049);
  });

  it('posts message_template_status_update webhooks shaped like Meta’s', async () => {
    receiver.clear();
    const { body } = await call(sandbox.url, 'GET', '/__sandbox/templates');
    const tpl = body.data.find((t: { name: string }) => t.name === 'order_confirmation');
    await call(sandbox.url, 'POST', `/__sandbox/templates/${tpl.id}/status`, { status: 'PAUSED' });
    await eventually(() => receiver.templateUpdates().length > 0, 'template status webhook');
    const post = receiver.received.find((w) => w.body.entry[0].changes[0].field === 'message_template_status_update')!;
    expect(shapeOf(post.body)).toEqual(shapeOf(templateStatus));
    expect(receiver.templateUpdates()[0].value).toMatchObject({
      event: 'PAUSED', message_template_id: Number(tpl.id), message_template_name: 'order_confirmation', message_template_language: 'en_US', reason: 'NONE',
    });
  });

  it('can be driven by the real client (sanity)', async () => {
    const client = new WhatsAppClient();
    const templates = await client.listTemplates({ apiBaseUrl: sandbox.url, accessToken: 'sandbox-token', wabaId: '200000000000001' });
    expect(templates.map((t) => t.name)).toContain('order_confirmation');
    await client.close();
  });

  it('checks a media header like Meta: 132000 without its parameter, 132012 with the wrong media type, accepted with it', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/templates', {
      name: 'invoice_ready', language: 'en_US', category: 'UTILITY', components: [{ type: 'HEADER', format: 'DOCUMENT' }, { type: 'BODY', text: 'Your invoice.' }],
    });
    const media = (components: unknown[]) => send('16505550100', { template: { name: 'invoice_ready', language: { code: 'en_US' }, components } });
    const without = await media([]);
    expect([without.status, without.body.error.code]).toEqual([400, 132000]);
    expect(shapeOf(without.body)).toEqual(shapeOf(errorResponse));
    const asImage = await media([{ type: 'header', parameters: [{ type: 'image', image: { link: 'https://files.example.com/a.pdf' } }] }]);
    expect([asImage.status, asImage.body.error.code]).toEqual([400, 132012]);
    const asText = await media([{ type: 'header', parameters: [{ type: 'text', text: 'invoice' }] }]);
    expect([asText.status, asText.body.error.code]).toEqual([400, 132012]);
    const ok = await media([{ type: 'header', parameters: [{ type: 'document', document: { link: 'https://files.example.com/a.pdf', filename: 'a.pdf' } }] }]);
    expect(ok.status).toBe(200);
    expect(shapeOf(ok.body)).toEqual(shapeOf(sendResponse));
  });
});
