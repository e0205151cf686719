import { EventBus, ofType } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Subscription } from 'rxjs';
import { TemplateStatusChangedEvent } from '@app/catalog';
import { createSandbox, Sandbox } from '../../apps/wa-sandbox/src/sandbox';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createChannel, createTemplate, uniqueId } from './fixtures';

const ACCESS_TOKEN = `sandbox-token-${randomUUID()}`;
const WABA_ID = uniqueId();

const shipping = {
  name: 'order_shipped',
  language: 'en_US',
  category: 'UTILITY',
  components: [
    { type: 'HEADER', format: 'TEXT', text: 'Hi {{1}}' },
    { type: 'BODY', text: 'Order {{1}} ships on {{2}}.' },
    { type: 'BUTTONS', buttons: [{ type: 'URL', text: 'Track', url: 'https://shop.example/t/{{1}}' }] },
  ],
};
const promo = { name: 'spring_promo', language: 'es', category: 'MARKETING', status: 'PAUSED', components: [{ type: 'BODY', text: 'Hola {{1}}' }] };
const carousel = { name: 'product_carousel', language: 'en_US', category: 'MARKETING', components: [{ type: 'BODY', text: 'See' }, { type: 'CAROUSEL', cards: [] }] };
/** More than one Graph API page (the client asks for 100 a page). */
const bulk = Array.from({ length: 101 }, (_, i) => ({ name: `bulk_${i}`, language: 'en', category: 'UTILITY', components: [{ type: 'BODY', text: `Bulk ${i}` }] }));

describe('POST /templates/sync (e2e, against the Graph API sandbox)', () => {
  let t: TestApp;
  let sandbox: Sandbox;
  let k: TestKey;
  let channelId: string;
  let events: TemplateStatusChangedEvent[];
  let sub: Subscription;

  beforeAll(async () => {
    sandbox = await createSandbox({ accessToken: ACCESS_TOKEN, wabaId: WABA_ID, templates: [shipping, promo, carousel, ...bulk] });
    t = await createTestApp();
    k = await createWorkspaceKey(t, ['templates:read', 'templates:write', 'channels:write']);
    channelId = (await createChannel(t, k, { waba_id: WABA_ID, access_token: ACCESS_TOKEN, api_base_url: sandbox.url })).channel.id;
    events = [];
    sub = t.app.get(EventBus).pipe(ofType(TemplateStatusChangedEvent)).subscribe((e) => events.push(e));
  });
  afterAll(async () => {
    sub.unsubscribe();
    await t.close();
    await sandbox.close();
  });

  const sync = (key: TestKey, id: string) => t.http().post(`${API}/templates/sync`).set(key.auth).send({ channel_id: id });
  const metaIdOf = (name: string) => [...sandbox.state.templates.values()].find((x) => x.name === name)!.id;

  it('creates the WABA templates, adopts a registered one by name and language, and skips what it cannot send', async () => {
    const registered = await createTemplate(t, k, { name: 'order_shipped', language: 'en_US', components: [{ type: 'BODY', text: 'Old text {{1}}' }] });
    const res = await sync(k, channelId).expect(200);
    expect(res.body).toMatchObject({ created: 102, updated: 1, unchanged: 0 });
    expect(res.body.skipped).toEqual([
      { meta_template_id: metaIdOf('product_carousel'), name: 'product_carousel', language: 'en_US', problems: [expect.objectContaining({ path: 'components.1.type' })] },
    ]);
    expect(res.body.templates).toHaveLength(103);
    expect(res.text).not.toContain(ACCESS_TOKEN);

    const shipped = res.body.templates.find((x: { name: string }) => x.name === 'order_shipped');
    expect(shipped).toMatchObject({
      id: registered.id,
      meta_template_id: metaIdOf('order_shipped'),
      status: 'APPROVED',
      components: shipping.components,
      variables: { header: ['1'], body: ['1', '2'], buttons: { '0': ['1'] } },
    });
    const stored = await t.http().get(`${API}/templates`).query({ name: 'spring_promo' }).set(k.auth).expect(200);
    expect(stored.body.data).toEqual([
      expect.objectContaining({ meta_template_id: metaIdOf('spring_promo'), category: 'MARKETING', status: 'PAUSED', language: 'es', variables: { header: [], body: ['1'], buttons: {} } }),
    ]);
    // The adopted template was already APPROVED: no status changed.
    expect(events).toEqual([]);
  });

  it('is idempotent: a second sync changes nothing', async () => {
    const res = await sync(k, channelId).expect(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, unchanged: 103 });
  });

  it('picks up new templates and status changes, and publishes the status change', async () => {
    const control = (path: string, body: unknown) =>
      fetch(`${sandbox.url}/__sandbox/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect((await control('templates', { name: 'welcome', language: 'pt_BR', category: 'MARKETING', components: [{ type: 'BODY', text: 'Olá {{1}}' }] })).status).toBe(201);
    expect((await control(`templates/${metaIdOf('order_shipped')}/status`, { status: 'PAUSED' })).status).toBe(200);

    const res = await sync(k, channelId).expect(200);
    expect(res.body).toMatchObject({ created: 1, updated: 1, unchanged: 102 });
    const shipped = res.body.templates.find((x: { name: string }) => x.name === 'order_shipped');
    expect(shipped.status).toBe('PAUSED');
    expect(events).toEqual([expect.objectContaining({ workspaceId: k.workspaceId, templateId: shipped.id, status: 'PAUSED' })]);
  });

  it('keeps each workspace separate: another workspace syncing the same WABA gets its own templates', async () => {
    const other = await createWorkspaceKey(t, ['templates:read', 'templates:write', 'channels:write']);
    const { channel } = await createChannel(t, other, { waba_id: WABA_ID, access_token: ACCESS_TOKEN, api_base_url: sandbox.url });
    const res = await sync(other, channel.id).expect(200);
    expect(res.body).toMatchObject({ created: 104, updated: 0 });
    const ids = new Set(res.body.templates.map((x: { id: string }) => x.id));
    const mine = await t.http().get(`${API}/templates?limit=200`).set(k.auth).expect(200);
    expect(mine.body.data.some((x: { id: string }) => ids.has(x.id))).toBe(false);
  });

  it('502 TEMPLATE_SYNC_FAILED when the Graph API refuses the token', async () => {
    const { channel } = await createChannel(t, k, { waba_id: WABA_ID, access_token: 'revoked-token', api_base_url: sandbox.url });
    const res = await sync(k, channel.id).expect(502);
    expect(res.body).toMatchObject({ statusCode: 502, code: 'TEMPLATE_SYNC_FAILED', details: { meta_code: 190 } });
    expect(res.text).not.toContain('revoked-token');
  });

  it('400 for a missing or malformed channel_id; 404 for an unknown or foreign channel', async () => {
    expect((await t.http().post(`${API}/templates/sync`).set(k.auth).send({}).expect(400)).body.code).toBe('VALIDATION_FAILED');
    await t.http().post(`${API}/templates/sync`).set(k.auth).send({ channel_id: 'abc' }).expect(400);
    expect((await sync(k, randomUUID()).expect(404)).body.code).toBe('NOT_FOUND');
    const stranger = await createWorkspaceKey(t, ['templates:write']);
    await sync(stranger, channelId).expect(404);
  });
});
