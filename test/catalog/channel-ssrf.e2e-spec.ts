import { createServer, IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API, createTestApp, createWorkspaceKey, TestApp, TestKey } from '../support/app';
import { channelBody } from './fixtures';

/** A plain HTTP service standing for anything reachable from inside the engine (an admin API, metadata). */
class InternalService {
  readonly requests: Array<{ url: string; authorization?: string }> = [];
  private server!: Server;
  constructor(private readonly answer: (req: IncomingMessage) => { status: number; body: unknown }) {}
  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      this.requests.push({ url: req.url ?? '', authorization: req.headers.authorization });
      const { status, body } = this.answer(req);
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const template = (name: string) => ({ id: `${Date.now()}${Math.floor(Math.random() * 1e6)}`, name, language: 'en_US', status: 'APPROVED', category: 'UTILITY', components: [{ type: 'BODY', text: 'Hello' }] });

describe('channel api_base_url SSRF (e2e)', () => {
  let strict: TestApp;
  let lax: TestApp;
  let strictKey: TestKey;
  const services: InternalService[] = [];
  const service = async (answer: ConstructorParameters<typeof InternalService>[0]) => {
    const s = new InternalService(answer);
    services.push(s);
    return { s, url: await s.start() };
  };

  beforeAll(async () => {
    strict = await createTestApp({ env: { CHANNELS_ALLOW_PRIVATE_URLS: 'false' } });
    lax = await createTestApp();
    strictKey = await createWorkspaceKey(strict, ['*']);
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.close()));
    await strict.close();
    await lax.close();
  });

  it.each(['http://127.0.0.1:6379', 'http://localhost:5432', 'http://169.254.169.254/latest', 'http://[::1]:8080', 'http://[64:ff9b::7f00:1]', 'http://10.0.0.8'])(
    'refuses %s at creation with CHANNEL_URL_NOT_ALLOWED',
    async (url) => {
      const res = await strict.http().post(`${API}/channels`).set(strictKey.auth).send(channelBody({ api_base_url: url })).expect(400);
      expect(res.body).toMatchObject({ statusCode: 400, code: 'CHANNEL_URL_NOT_ALLOWED', details: { kind: expect.any(String) } });
    },
  );

  it("accepts the default Meta base URL (no api_base_url) and the operator's own base URL", async () => {
    const res = await strict.http().post(`${API}/channels`).set(strictKey.auth).send(channelBody()).expect(201);
    expect(res.body.api_base_url).toBe('https://graph.facebook.com');
    await strict.http().post(`${API}/channels`).set(strictKey.auth).send(channelBody({ api_base_url: 'https://graph.facebook.com/' })).expect(201);
  });

  it('refuses at connect time a channel whose host now resolves to loopback, and never calls it', async () => {
    const { s, url } = await service(() => ({ status: 200, body: { data: [template('internal_secret')] } }));
    const port = new URL(url).port;
    for (const base of [`http://localhost:${port}`, url]) {
      // Saved where private addresses were allowed: for the strict process it is as if DNS had changed since.
      const k = await createWorkspaceKey(lax, ['*']);
      const channel = (await lax.http().post(`${API}/channels`).set(k.auth).send(channelBody({ api_base_url: base })).expect(201)).body;
      const res = await strict.http().post(`${API}/templates/sync`).set(k.auth).send({ channel_id: channel.id }).expect(502);
      expect(res.body.code).toBe('TEMPLATE_SYNC_FAILED');
      expect((await strict.http().get(`${API}/templates`).set(k.auth).expect(200)).body.data).toEqual([]);
    }
    expect(s.requests).toEqual([]);
  });

  it("never echoes an upstream error body: only the status and Meta's error code", async () => {
    const { url } = await service(() => ({ status: 400, body: { error: { message: 'redis_version:7.0.15 INTERNAL-BANNER', code: 190 } } }));
    const k = await createWorkspaceKey(lax, ['*']);
    const channel = (await lax.http().post(`${API}/channels`).set(k.auth).send(channelBody({ api_base_url: url })).expect(201)).body;
    const res = await lax.http().post(`${API}/templates/sync`).set(k.auth).send({ channel_id: channel.id }).expect(502);
    expect(res.text).not.toContain('INTERNAL-BANNER');
    expect(res.body).toMatchObject({ code: 'TEMPLATE_SYNC_FAILED', message: expect.stringContaining('HTTP 400, Meta error 190'), details: { meta_code: 190, http_status: 400 } });
  });

  it("follows paging only on the channel's own origin, so its token never goes to another host", async () => {
    const elsewhere = await service(() => ({ status: 200, body: { data: [template('from_elsewhere')] } }));
    const graph = await service((req) =>
      req.url?.includes('after=')
        ? { status: 200, body: { data: [template('page_two')] } }
        : { status: 200, body: { data: [template('page_one')], paging: { next: `${elsewhere.url}/steal?x=1`, cursors: { after: 'CURSOR2' } } } },
    );
    const k = await createWorkspaceKey(lax, ['*']);
    const channel = (await lax.http().post(`${API}/channels`).set(k.auth).send(channelBody({ api_base_url: graph.url })).expect(201)).body;
    const res = await lax.http().post(`${API}/templates/sync`).set(k.auth).send({ channel_id: channel.id }).expect(200);
    expect(res.body.templates.map((t: { name: string }) => t.name).sort()).toEqual(['page_one', 'page_two']);
    expect(elsewhere.s.requests).toEqual([]);
    expect(graph.s.requests.map((r) => r.authorization)).toEqual([expect.stringMatching(/^Bearer /), expect.stringMatching(/^Bearer /)]);
  });
});
