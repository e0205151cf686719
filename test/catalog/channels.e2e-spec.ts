import { QueryBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FindWebhookChannelsQuery, ResolveChannelQuery } from '@app/catalog';
import { Env, SecretBox } from '@app/platform';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { ORDER_MAPPING, ORDER_TEMPLATE } from '../support/world';
import { channelBody, createChannel, newestFirst, uniqueId } from './fixtures';

describe('channels (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  beforeAll(async () => {
    t = await createTestApp();
    k = await createWorkspaceKey(t, ['channels:write']);
  });
  afterAll(() => t.close());

  const expectNoSecrets = (text: string, secrets: { accessToken: string; appSecret: string }) => {
    expect(text).not.toContain(secrets.accessToken);
    expect(text).not.toContain(secrets.appSecret);
    expect(text).not.toMatch(/"access_token"|"app_secret"|ciphertext/);
  };

  describe('POST /channels', () => {
    it('creates a channel with defaults and never returns its secrets', async () => {
      const body = channelBody();
      const res = await t.http().post(`${API}/channels`).set(k.auth).send(body).expect(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'Main number',
        phone_number_id: body.phone_number_id,
        waba_id: body.waba_id,
        api_base_url: t.app.get(Env).WHATSAPP_API_BASE_URL,
        messages_per_second: 80,
        messaging_limit: null,
        has_access_token: true,
        has_app_secret: true,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      expectNoSecrets(res.text, { accessToken: body.access_token, appSecret: body.app_secret });
    });

    it('keeps the given base URL (without a trailing slash), throughput and messaging limit', async () => {
      const { channel } = await createChannel(t, k, { api_base_url: 'http://127.0.0.1:4010/', messages_per_second: 10000, messaging_limit: 100000 });
      expect(channel).toMatchObject({ api_base_url: 'http://127.0.0.1:4010', messages_per_second: 10000, messaging_limit: 100000 });
      const { channel: unlimited } = await createChannel(t, k, { messages_per_second: 1, messaging_limit: null });
      expect(unlimited).toMatchObject({ messages_per_second: 1, messaging_limit: null });
      for (const limit of [250, 2000, 10000]) expect((await createChannel(t, k, { messaging_limit: limit })).channel.messaging_limit).toBe(limit);
    });

    it('stores the secrets encrypted with SecretBox', async () => {
      const { channel, secrets } = await createChannel(t, k);
      const [row] = await t.app.get(DataSource).query(`SELECT * FROM channels WHERE id = $1`, [channel.id]);
      const raw = JSON.stringify(row);
      expect(raw).not.toContain(secrets.accessToken);
      expect(raw).not.toContain(secrets.appSecret);
      const box = t.app.get(SecretBox);
      expect(box.decrypt(row.access_token_ciphertext)).toBe(secrets.accessToken);
      expect(box.decrypt(row.app_secret_ciphertext)).toBe(secrets.appSecret);
    });

    it('lists every invalid field', async () => {
      const res = await t.http().post(`${API}/channels`).set(k.auth)
        .send({ name: '', phone_number_id: 'has spaces', waba_id: 12, access_token: '', app_secret: 5, api_base_url: 'ftp://x.example', messages_per_second: 0, messaging_limit: 500, extra: true })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['access_token', 'api_base_url', 'app_secret', 'extra', 'messages_per_second', 'messaging_limit', 'name', 'phone_number_id', 'waba_id'],
      );
      const missing = await t.http().post(`${API}/channels`).set(k.auth).send({}).expect(400);
      expect(missing.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['access_token', 'app_secret', 'name', 'phone_number_id', 'waba_id']);
    });

    it.each([
      ['messages_per_second above 10000', { messages_per_second: 10001 }],
      ['fractional messages_per_second', { messages_per_second: 1.5 }],
      ['messages_per_second as a string', { messages_per_second: '80' }],
      ['an unknown messaging_limit', { messaging_limit: 1000 }],
      ['a base URL that is not a URL', { api_base_url: 'not a url' }],
    ])('400 for %s', async (_, overrides) => {
      const res = await t.http().post(`${API}/channels`).set(k.auth).send(channelBody(overrides)).expect(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toEqual(Object.keys(overrides));
    });

    it('does not echo secrets in validation errors', async () => {
      const body = channelBody({ messages_per_second: 0 });
      const res = await t.http().post(`${API}/channels`).set(k.auth).send(body).expect(400);
      expectNoSecrets(res.text, { accessToken: body.access_token, appSecret: body.app_secret });
    });

    it('409 for a phone_number_id already in the workspace; another workspace may register it', async () => {
      const { channel } = await createChannel(t, k);
      const res = await t.http().post(`${API}/channels`).set(k.auth).send(channelBody({ phone_number_id: channel.phone_number_id })).expect(409);
      expect(res.body).toMatchObject({ code: 'CHANNEL_ALREADY_EXISTS', details: { phone_number_id: channel.phone_number_id } });
      const other = await createWorkspaceKey(t, ['channels:write']);
      await createChannel(t, other, { phone_number_id: channel.phone_number_id });
    });

    it('replays the first response for the same Idempotency-Key, without storing secrets in the replay', async () => {
      const body = channelBody();
      const key = `ch-${randomUUID()}`;
      const first = await t.http().post(`${API}/channels`).set(k.auth).set('Idempotency-Key', key).send(body).expect(201);
      const again = await t.http().post(`${API}/channels`).set(k.auth).set('Idempotency-Key', key).send(body).expect(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.text).toBe(first.text);
      const db = t.app.get(DataSource);
      expect(await db.query(`SELECT id FROM channels WHERE workspace_id = $1 AND phone_number_id = $2`, [k.workspaceId, body.phone_number_id])).toHaveLength(1);
      const stored = JSON.stringify(await db.query(`SELECT * FROM idempotency_keys WHERE workspace_id = $1 AND key = $2`, [k.workspaceId, key]));
      expectNoSecrets(stored, { accessToken: body.access_token, appSecret: body.app_secret });
    });
  });

  describe('GET and DELETE /channels', () => {
    let own: TestKey;
    const created: Array<{ channel: { id: string; created_at: string }; secrets: { accessToken: string; appSecret: string } }> = [];
    beforeAll(async () => {
      own = await createWorkspaceKey(t, ['channels:write']);
      for (let i = 0; i < 3; i++) created.push(await createChannel(t, own, { name: `Number ${i}` }));
    });

    it('lists the channels newest first, paginated, without secrets', async () => {
      const first = await t.http().get(`${API}/channels?limit=2`).set(own.auth).expect(200);
      const order = newestFirst(created.map((c) => c.channel)).map((c) => c.id);
      expect(first.body.data.map((c: { id: string }) => c.id)).toEqual(order.slice(0, 2));
      expect(first.body.next_cursor).toEqual(expect.any(String));
      const second = await t.http().get(`${API}/channels`).query({ limit: 2, cursor: first.body.next_cursor }).set(own.auth).expect(200);
      expect(second.body).toEqual({ data: [expect.objectContaining({ id: order[2], has_access_token: true })], next_cursor: null });
      for (const c of created) expectNoSecrets(first.text + second.text, c.secrets);
      expect((await t.http().get(`${API}/channels?cursor=zzz`).set(own.auth).expect(400)).body.code).toBe('INVALID_CURSOR');
      expect((await t.http().get(`${API}/channels?limit=500`).set(own.auth).expect(400)).body.code).toBe('VALIDATION_FAILED');
    });

    it('gets one channel without secrets; 404 for an unknown or a malformed id', async () => {
      const res = await t.http().get(`${API}/channels/${created[0].channel.id}`).set(own.auth).expect(200);
      expect(res.body).toEqual(created[0].channel);
      expectNoSecrets(res.text, created[0].secrets);
      expect((await t.http().get(`${API}/channels/${randomUUID()}`).set(own.auth).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.http().get(`${API}/channels/123`).set(own.auth).expect(404)).body.code).toBe('NOT_FOUND');
      expect((await t.http().delete(`${API}/channels/123`).set(own.auth).expect(404)).body.code).toBe('NOT_FOUND');
    });

    it('never lets another workspace see or delete a channel', async () => {
      const other = await createWorkspaceKey(t, ['*']);
      const id = created[0].channel.id;
      await t.http().get(`${API}/channels/${id}`).set(other.auth).expect(404);
      await t.http().delete(`${API}/channels/${id}`).set(other.auth).expect(404);
      await t.http().post(`${API}/templates/sync`).set(other.auth).send({ channel_id: id }).expect(404);
      expect((await t.http().get(`${API}/channels`).set(other.auth).expect(200)).body).toEqual({ data: [], next_cursor: null });
      await t.http().get(`${API}/channels/${id}`).set(own.auth).expect(200);
    });

    it('deletes a channel: 204, then 404', async () => {
      const { channel } = await createChannel(t, own);
      const res = await t.http().delete(`${API}/channels/${channel.id}`).set(own.auth).expect(204);
      expect(res.text).toBe('');
      await t.http().get(`${API}/channels/${channel.id}`).set(own.auth).expect(404);
      await t.http().delete(`${API}/channels/${channel.id}`).set(own.auth).expect(404);
    });
  });

  it('409 CHANNEL_IN_USE while a campaign that can still send uses the channel; deletable once it is stopped', async () => {
    const all = await createWorkspaceKey(t, ['*']);
    const http = () => t.http().set(all.auth);
    const { channel } = await createChannel(t, all);
    const template = await http().post(`${API}/templates`).send({ ...ORDER_TEMPLATE, meta_template_id: uniqueId() }).expect(201);
    const campaign = await http()
      .post(`${API}/campaigns`)
      .send({ name: 'uses it', template_id: template.body.id, channel_id: channel.id, variable_mapping: ORDER_MAPPING })
      .expect(201);
    const refused = await http().delete(`${API}/channels/${channel.id}`).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'CHANNEL_IN_USE', details: { campaign_ids: [campaign.body.id] } });
    await http().post(`${API}/campaigns/${campaign.body.id}/schedule`).send({ scheduled_at: new Date(Date.now() + 3_600_000).toISOString() }).expect(200);
    expect((await http().delete(`${API}/channels/${channel.id}`).expect(409)).body.code).toBe('CHANNEL_IN_USE');
    await http().post(`${API}/campaigns/${campaign.body.id}/stop`).expect(200);
    await http().delete(`${API}/channels/${channel.id}`).expect(204);
  });

  describe('auth', () => {
    it('401 without a valid key', async () => {
      await t.http().get(`${API}/channels`).expect(401);
      await t.http().get(`${API}/channels/${randomUUID()}`).expect(401);
      await t.http().post(`${API}/channels`).send(channelBody()).expect(401);
      await t.http().delete(`${API}/channels/${randomUUID()}`).expect(401);
    });

    it('403 without channels:write, reads included', async () => {
      const other = await createWorkspaceKey(t, ['templates:read', 'templates:write', 'campaigns:read']);
      const res = await t.http().get(`${API}/channels`).set(other.auth).expect(403);
      expect(res.body).toMatchObject({ code: 'INSUFFICIENT_SCOPE', details: { missing: ['channels:write'] } });
      await t.http().get(`${API}/channels/${randomUUID()}`).set(other.auth).expect(403);
      await t.http().post(`${API}/channels`).set(other.auth).send(channelBody()).expect(403);
      await t.http().delete(`${API}/channels/${randomUUID()}`).set(other.auth).expect(403);
    });
  });

  it('documents every catalog endpoint in OpenAPI, with secrets write-only', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([`${API}/templates`, `${API}/templates/sync`, `${API}/templates/{id}`, `${API}/channels`, `${API}/channels/{id}`]),
    );
    expect(doc.paths[`${API}/channels/{id}`].delete.responses).toHaveProperty('204');
    expect(doc.paths[`${API}/templates/sync`].post.responses).toHaveProperty('502');
    expect(doc.components.schemas.CreateChannelDto.properties.access_token.writeOnly).toBe(true);
    expect(Object.keys(doc.components.schemas.ChannelResponseDto.properties)).not.toContain('access_token');
  });

  describe('queries', () => {
    it('ResolveChannelQuery: the only channel, a given one, or CHANNEL_REQUIRED / NOT_FOUND', async () => {
      const queries = t.app.get(QueryBus);
      const w = await createWorkspaceKey(t, ['channels:write']);
      await expect(queries.execute(new ResolveChannelQuery(w.workspaceId, null))).rejects.toMatchObject({ code: 'CHANNEL_REQUIRED', status: 422 });

      const first = await createChannel(t, w, { messaging_limit: 2000 });
      const resolved = await queries.execute(new ResolveChannelQuery(w.workspaceId, null));
      expect(resolved).toEqual({
        id: first.channel.id,
        workspaceId: w.workspaceId,
        name: 'Main number',
        phoneNumberId: first.channel.phone_number_id,
        wabaId: first.channel.waba_id,
        apiBaseUrl: first.channel.api_base_url,
        accessToken: first.secrets.accessToken,
        appSecret: first.secrets.appSecret,
        messagesPerSecond: 80,
        messagingLimit: 2000,
      });

      const second = await createChannel(t, w);
      await expect(queries.execute(new ResolveChannelQuery(w.workspaceId, null))).rejects.toMatchObject({ code: 'CHANNEL_REQUIRED', status: 422 });
      expect((await queries.execute(new ResolveChannelQuery(w.workspaceId, second.channel.id))).id).toBe(second.channel.id);

      const other = await createWorkspaceKey(t);
      await expect(queries.execute(new ResolveChannelQuery(other.workspaceId, first.channel.id))).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
      await expect(queries.execute(new ResolveChannelQuery(w.workspaceId, randomUUID()))).rejects.toMatchObject({ code: 'NOT_FOUND' });
      await expect(queries.execute(new ResolveChannelQuery(w.workspaceId, 'not-a-uuid'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    it('FindWebhookChannelsQuery searches every workspace by phone number ids and WABA ids at once', async () => {
      const queries = t.app.get(QueryBus);
      const phoneNumberId = uniqueId();
      const wabaId = uniqueId();
      const [a, b] = await Promise.all([createWorkspaceKey(t), createWorkspaceKey(t)]);
      const ca = await createChannel(t, a, { phone_number_id: phoneNumberId, waba_id: wabaId });
      const cb = await createChannel(t, b, { phone_number_id: phoneNumberId, waba_id: wabaId });
      const cb2 = await createChannel(t, b, { waba_id: wabaId });

      const byPhone = await queries.execute(new FindWebhookChannelsQuery([phoneNumberId], []));
      expect(byPhone.map((c) => [c.workspaceId, c.id, c.appSecret])).toEqual(
        expect.arrayContaining([
          [a.workspaceId, ca.channel.id, ca.secrets.appSecret],
          [b.workspaceId, cb.channel.id, cb.secrets.appSecret],
        ]),
      );
      expect(byPhone).toHaveLength(2);
      const byWaba = await queries.execute(new FindWebhookChannelsQuery([], [wabaId]));
      expect(byWaba.map((c) => c.id).sort()).toEqual([ca.channel.id, cb.channel.id, cb2.channel.id].sort());
      expect(byWaba.find((c) => c.id === cb2.channel.id)?.accessToken).toBe(cb2.secrets.accessToken);
      const both = await queries.execute(new FindWebhookChannelsQuery([phoneNumberId, uniqueId()], [wabaId]));
      expect(both.map((c) => c.id).sort()).toEqual([ca.channel.id, cb.channel.id, cb2.channel.id].sort());
      expect(await queries.execute(new FindWebhookChannelsQuery([uniqueId()], [uniqueId()]))).toEqual([]);
      expect(await queries.execute(new FindWebhookChannelsQuery([], []))).toEqual([]);
    });
  });
});
