import { createServer } from 'node:net';
import { AddressInfo } from 'node:net';
import { WhatsAppApiError, WhatsAppClient } from '@app/whatsapp';
import { createSandbox, Sandbox } from '../../apps/wa-sandbox/src/sandbox';
import { call } from './helpers';

const PHONE_NUMBER_ID = '100000000000001';
const WABA_ID = '200000000000001';

async function rejection(p: Promise<unknown>): Promise<WhatsAppApiError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(WhatsAppApiError);
    return err as WhatsAppApiError;
  }
  throw new Error('expected the call to fail');
}

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address() as AddressInfo;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('WhatsAppClient against the sandbox', () => {
  let sandbox: Sandbox;
  let client: WhatsAppClient;
  let target: { apiBaseUrl: string; accessToken: string; phoneNumberId: string };
  const promo = (to: string, extra: Partial<Parameters<WhatsAppClient['sendTemplate']>[1]> = {}) => ({
    to,
    templateName: 'order_update',
    language: 'en_US',
    components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }, { type: 'text', text: 'A-17' }] }],
    ...extra,
  });

  beforeAll(async () => {
    sandbox = await createSandbox({ mps: 0 });
    client = new WhatsAppClient(undefined, { responseTimeoutMs: 500, templatePageSize: 2 });
    target = { apiBaseUrl: sandbox.url, accessToken: 'sandbox-token', phoneNumberId: PHONE_NUMBER_ID };
  });

  beforeEach(async () => {
    await call(sandbox.url, 'POST', '/__sandbox/reset');
    await call(sandbox.url, 'POST', '/__sandbox/templates', {
      name: 'order_update', language: 'en_US', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.' }],
    });
  });

  afterAll(async () => {
    await client.close();
    await sandbox.close();
  });

  it('returns the wamid and wa_id of an accepted send', async () => {
    const res = await client.sendTemplate(target, promo('+15550001001', { bizOpaqueCallbackData: 'rcp-1' }));
    expect(res.wamid).toMatch(/^wamid\./);
    expect(res.waId).toBe('15550001001');
    const listed = await call(sandbox.url, 'GET', '/__sandbox/messages?to=%2B15550001001');
    expect(listed.body.data).toEqual([
      expect.objectContaining({ id: res.wamid, to: '+15550001001', template: { name: 'order_update', language: 'en_US' }, parameters: { body: ['Ann', 'A-17'] }, biz_opaque_callback_data: 'rcp-1' }),
    ]);
  });

  it('classifies the throughput limit (130429) as retry_channel', async () => {
    await call(sandbox.url, 'PUT', '/__sandbox/config', { mps: 1 });
    const results = await Promise.allSettled(Array.from({ length: 5 }, (_, i) => client.sendTemplate(target, promo(`+1555000200${i}`))));
    const errors = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => r.reason as WhatsAppApiError);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatchObject({ code: 130429, httpStatus: 400, errorClass: 'retry_channel' });
    expect(errors[0].fbtraceId).toEqual(expect.any(String));
  });

  it('classifies the pair rate limit (131056) as retry_recipient with a delay', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', { match: { phone: '15550003000' }, error_code: 131056, times: 1 });
    const err = await rejection(client.sendTemplate(target, promo('+15550003000')));
    expect(err).toMatchObject({ code: 131056, errorClass: 'retry_recipient', retryAfterMs: 6000 });
    expect(err.details).toContain('same phone number');
    await expect(client.sendTemplate(target, promo('+15550003000'))).resolves.toMatchObject({ waId: '15550003000' });
  });

  it('classifies an undeliverable recipient (131026) as permanent', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', { suffix: '4000', error_code: 131026 });
    expect(await rejection(client.sendTemplate(target, promo('+15550004000')))).toMatchObject({ code: 131026, errorClass: 'permanent' });
  });

  it('classifies wrong parameters (132000), a bad phone (100) and an unknown template (132001)', async () => {
    const wrongParams = promo('+15550004100', { components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ann' }] }] });
    expect(await rejection(client.sendTemplate(target, wrongParams))).toMatchObject({ code: 132000, errorClass: 'permanent' });
    expect(await rejection(client.sendTemplate(target, promo('not-a-phone')))).toMatchObject({ code: 100, errorClass: 'permanent' });
    expect(await rejection(client.sendTemplate(target, promo('+15550004100', { templateName: 'nope' })))).toMatchObject({
      code: 132001, httpStatus: 404, errorClass: 'fatal',
    });
  });

  it('classifies a bad access token (190, HTTP 401) as fatal', async () => {
    const err = await rejection(client.sendTemplate({ ...target, accessToken: 'wrong' }, promo('+15550005000')));
    expect(err).toMatchObject({ code: 190, httpStatus: 401, errorClass: 'fatal' });
  });

  it('classifies a paused template (132015) as auto_pause and a disabled one (132016) as fatal', async () => {
    const { body } = await call(sandbox.url, 'GET', '/__sandbox/templates');
    const tpl = body.data.find((t: { name: string }) => t.name === 'order_update');
    await call(sandbox.url, 'POST', `/__sandbox/templates/${tpl.id}/status`, { status: 'PAUSED' });
    expect(await rejection(client.sendTemplate(target, promo('+15550006000')))).toMatchObject({ code: 132015, errorClass: 'auto_pause' });
    await call(sandbox.url, 'POST', `/__sandbox/templates/${tpl.id}/status`, { status: 'DISABLED' });
    expect(await rejection(client.sendTemplate(target, promo('+15550006000')))).toMatchObject({ code: 132016, errorClass: 'fatal' });
  });

  it('classifies a Meta 5xx (131000) as retry_channel', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', { phone: '15550007000', error_code: 131000 });
    expect(await rejection(client.sendTemplate(target, promo('+15550007000')))).toMatchObject({ code: 131000, httpStatus: 500, errorClass: 'retry_channel' });
  });

  it('reports a send whose answer never comes back as uncertain (it was accepted)', async () => {
    await call(sandbox.url, 'POST', '/__sandbox/scenarios', { phone: '15550008000', response_delay_ms: 30_000 });
    const err = await rejection(client.sendTemplate(target, promo('+15550008000')));
    expect(err.errorClass).toBe('uncertain');
    const listed = await call(sandbox.url, 'GET', '/__sandbox/messages?to=15550008000');
    expect(listed.body.data).toHaveLength(1);
  });

  it('reports a refused connection as retry_channel (nothing was sent)', async () => {
    const port = await freePort();
    const err = await rejection(client.sendTemplate({ ...target, apiBaseUrl: `http://127.0.0.1:${port}` }, promo('+15550009000')));
    expect(err.errorClass).toBe('retry_channel');
  });

  it('lists every template of the WABA across pages', async () => {
    for (const name of ['a_one', 'a_two', 'a_three']) {
      await call(sandbox.url, 'POST', '/__sandbox/templates', { name, language: 'en_US', category: 'MARKETING', status: 'PENDING', components: [] });
    }
    const templates = await client.listTemplates({ apiBaseUrl: sandbox.url, accessToken: 'sandbox-token', wabaId: WABA_ID });
    expect(templates.map((t) => t.name)).toEqual(['hello_world', 'order_update', 'a_one', 'a_two', 'a_three']);
    expect(templates[1]).toEqual({
      id: expect.stringMatching(/^\d+$/), name: 'order_update', language: 'en_US', status: 'APPROVED', category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hi {{1}}, order {{2}} is on its way.' }],
    });
    const err = await rejection(client.listTemplates({ apiBaseUrl: sandbox.url, accessToken: 'wrong', wabaId: WABA_ID }));
    expect(err.errorClass).toBe('fatal');
  });
});
