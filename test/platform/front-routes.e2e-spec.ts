import { Logger } from '@nestjs/common';
import { createServer, request, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { FrontRoutes } from '@app/platform';

/** The front lane on a bare Node server: what it does with requests that wait for their turn. */
describe('front lane (e2e, a bare HTTP server)', () => {
  let server: Server;
  let port: number;
  const lane = new FrontRoutes();
  const release: Array<() => void> = [];
  const handled: unknown[] = [];

  beforeAll(async () => {
    lane.post('/hook', async ({ body }) => {
      handled.push(body);
      if ((body as { hold?: boolean }).hold) await new Promise<void>((r) => release.push(r));
      return { ok: true };
    });
    server = createServer((_req, res) => res.writeHead(404).end());
    lane.attach(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const post = (body: unknown) => {
    const payload = JSON.stringify(body);
    const req = request({ port, host: '127.0.0.1', path: '/hook', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
    });
    req.end(payload);
    return { req, answered };
  };

  it('drops a waiting request whose sender hung up (no 500, no error logged) and serves the rest', async () => {
    const errors = jest.spyOn(Logger.prototype, 'error');
    // Every slot taken by a handler that waits to be released.
    const held = Array.from({ length: 48 }, (_, i) => post({ hold: true, i }));
    while (release.length < 48) await new Promise((r) => setTimeout(r, 10));
    const gone = post({ n: 'gone' });
    gone.answered.catch(() => undefined);
    const waiting = post({ n: 'waiting' });
    await new Promise((r) => setTimeout(r, 100));
    gone.req.destroy();
    await new Promise((r) => setTimeout(r, 100));
    for (const r of release.splice(0)) r();
    expect(await Promise.all(held.map((h) => h.answered))).toEqual(held.map(() => 200));
    expect(await waiting.answered).toBe(200);
    expect(handled).toContainEqual({ n: 'waiting' });
    expect(handled).not.toContainEqual({ n: 'gone' });
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
});
