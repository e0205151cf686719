import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { API, createTestApp, TestApp } from '../support/app';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/** The admin CLI as an operator runs it (`npm run cli -- …`): one JSON document on stdout per command. */
async function cli(...args: string[]): Promise<{ out: any; code: number; err: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', 'apps/cli/src/main.ts', ...args],
      { cwd: root, env: { ...process.env, TS_NODE_PROJECT: join(root, 'tsconfig.json') } },
    );
    return { out: JSON.parse(stdout), code: 0, err: stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { out: err.stdout ? JSON.parse(err.stdout) : null, code: err.code, err: err.stderr };
  }
}

describe('admin CLI (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('creates a workspace and a scoped key that works, then revokes it', async () => {
    const ws = await cli('workspace:create', '--name', 'Acme');
    expect(ws.code).toBe(0);
    expect(ws.out).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: 'Acme' });

    const key = await cli('api-key:create', '--workspace', ws.out.id, '--scopes', 'campaigns:read,contacts:read', '--name', 'ci');
    expect(key.code).toBe(0);
    expect(key.out).toMatchObject({ id: expect.any(String), key: expect.stringMatching(/^wce_[A-Za-z0-9_-]{43}$/), scopes: ['campaigns:read', 'contacts:read'] });
    const auth = { Authorization: `Bearer ${key.out.key}` };
    await t.http().get(`${API}/campaigns`).set(auth).expect(200);
    await t.http().get(`${API}/templates`).set(auth).expect(403);

    const revoked = await cli('api-key:revoke', '--id', key.out.id);
    expect(revoked.code).toBe(0);
    expect(revoked.out).toMatchObject({ id: key.out.id, revoked_at: expect.any(String) });
    await t.http().get(`${API}/campaigns`).set(auth).expect(401);
  }, 180_000);

  it('fails with a JSON error and a non-zero exit for unknown scopes and workspaces', async () => {
    const bad = await cli('api-key:create', '--workspace', '00000000-0000-4000-8000-000000000000', '--scopes', 'bogus');
    expect(bad.code).not.toBe(0);
    expect(JSON.parse(bad.err.trim().split('\n').pop()!)).toMatchObject({ code: 'INVALID_SCOPES', statusCode: 400 });
    const missing = await cli('api-key:create', '--workspace', '00000000-0000-4000-8000-000000000000', '--scopes', '*');
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.err.trim().split('\n').pop()!)).toMatchObject({ statusCode: 404 });
  }, 180_000);
});
