import { gzipSync } from 'node:zlib';
import { randomUUID } from 'node:crypto';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { createWorld, ORDER_MAPPING, World } from '../support/world';

/** Input that parses as JSON or URL syntax but that nothing below the HTTP layer can store or walk. */
describe('hostile input (e2e)', () => {
  let t: TestApp;
  let k: TestKey;
  let w: World;
  let campaignId: string;
  const http = () => t.http().set(k.auth);
  const expectError = (res: { status: number; body: Record<string, unknown> }, status: number, code?: string) => {
    expect({ status: res.status, code: res.body.code }).toEqual({ status, code: code ?? expect.any(String) });
    expect(res.body).toMatchObject({ statusCode: status, error: expect.any(String), message: expect.any(String) });
  };

  beforeAll(async () => {
    t = await createTestApp();
    w = await createWorld(t);
    k = w.key;
    campaignId = (await http().post(`${API}/campaigns`).send({ name: 'c', template_id: w.templateId, variable_mapping: ORDER_MAPPING }).expect(201)).body.id;
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('400 INVALID_CHARACTERS naming the field for a NUL byte in a body field, a key, the query and the path', async () => {
    const body = await http().post(`${API}/contacts`).send({ phone: '+12025550100', first_name: 'a\u0000b' });
    expectError(body, 400, 'INVALID_CHARACTERS');
    expect(body.body.details).toEqual({ field: 'body.first_name' });
    const nested = await http().post(`${API}/contacts`).send({ phone: '+12025550100', custom_fields: { 'k\u0000': 'v' } });
    expectError(nested, 400, 'INVALID_CHARACTERS');
    const query = await http().get(`${API}/contacts`).query({ phone: '+1202\u0000' });
    expectError(query, 400, 'INVALID_CHARACTERS');
    expect(query.body.details).toEqual({ field: 'query.phone' });
    expectError(await http().get(`${API}/campaigns/abc%00def`), 400, 'INVALID_CHARACTERS');
    expectError(await http().get(`${API}/campaigns/%E0%A4%A`), 400, 'MALFORMED_URL');
  });

  it('400 for a lone UTF-16 surrogate in any string, an email included', async () => {
    const res = await http().post(`${API}/contacts`).set('Content-Type', 'application/json').send('{"phone":"+12025550101","email":"a\\ud800@example.com"}');
    expectError(res, 400, 'INVALID_CHARACTERS');
    expect(res.body.details).toEqual({ field: 'body.email' });
    // A well-formed pair (an emoji) is ordinary text.
    await http().post(`${API}/contacts`).send({ phone: '+12025550101', first_name: 'Zoë 🚀' }).expect(201);
  });

  it('400 JSON_TOO_DEEP for deeply nested bodies, on every body endpoint', async () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const deepObject = `{"name":"x","variable_mapping":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`;
    expectError(await http().post(`${API}/contacts`).set('Content-Type', 'application/json').send(deep), 400, 'JSON_TOO_DEEP');
    expectError(await http().patch(`${API}/campaigns/${campaignId}`).set('Content-Type', 'application/json').send(deepObject), 400, 'JSON_TOO_DEEP');
    expectError(await t.http().post(`${API}/webhooks/whatsapp`).set('Content-Type', 'application/json').send(deep), 400, 'JSON_TOO_DEEP');
  });

  it('4xx, not 500, for a gzip body that does not inflate', async () => {
    const post = async (body: Buffer) => {
      const res = await fetch(`${t.url}${API}/sources`, {
        method: 'POST',
        headers: { ...k.auth, 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
        body: new Uint8Array(body),
      });
      return { status: res.status, body: (await res.json()) as Record<string, unknown> };
    };
    const good = gzipSync(Buffer.from(JSON.stringify({ name: 'zipped' })));
    expect(await post(good)).toMatchObject({ status: 201, body: { name: 'zipped' } });
    const corrupt = Buffer.concat([good.subarray(0, 10), Buffer.from('definitely not deflate data')]);
    expectError(await post(corrupt), 400, 'MALFORMED_BODY');
  });

  it('400 INVALID_CURSOR for a cursor that decodes to an absurd date or a non-UUID id', async () => {
    const cursor = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const c of [cursor(['+275760-09-13T00:00:00.000Z', randomUUID()]), cursor(['99999', randomUUID()]), cursor(['2026-01-01T00:00:00.000Z', 'x'])]) {
      for (const path of ['campaigns', 'contacts', 'groups', 'sources', 'templates', 'channels', 'webhooks']) {
        expectError(await http().get(`${API}/${path}`).query({ cursor: c }), 400, 'INVALID_CURSOR');
      }
    }
  });

  it('400 for null in a field that is optional but not nullable, on create and PATCH', async () => {
    for (const field of ['batch_size', 'batch_delay_ms', 'variable_mapping', 'name', 'template_id', 'channel_id']) {
      expectError(await http().patch(`${API}/campaigns/${campaignId}`).send({ [field]: null }), 400, 'VALIDATION_FAILED');
    }
    expectError(await http().post(`${API}/campaigns`).send({ name: 'n', template_id: w.templateId, variable_mapping: ORDER_MAPPING, batch_size: null }), 400, 'VALIDATION_FAILED');
    // description is nullable: null clears it.
    expect((await http().patch(`${API}/campaigns/${campaignId}`).send({ description: null }).expect(200)).body.description).toBeNull();
  });

  it('never answers 500 to an unauthenticated NUL byte on the inbound Meta webhook', async () => {
    const payload = { object: 'whatsapp_business_account', entry: [{ id: 'x\u0000', changes: [{ field: 'messages', value: { metadata: { phone_number_id: '1\u0000' } } }] }] };
    const res = await t.http().post(`${API}/webhooks/whatsapp`).set('X-Hub-Signature-256', 'sha256=00').send(payload);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  it('keeps the workspace untouched: no resource was created by the refused requests', async () => {
    const other = await createWorkspaceKey(t);
    const res = await t.http().get(`${API}/contacts`).set(other.auth).expect(200);
    expect(res.body.data).toEqual([]);
  });
});
