import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { operatorTool, ROOT } from '../support/tools';

const COMPOSE = ['compose', '-f', 'docker/docker-compose.yml', 'config', '--quiet'];
const KEYS = { ENCRYPTION_KEY: 'ab'.repeat(32), WHATSAPP_VERIFY_TOKEN: 'a-token-for-meta' };

/** The container files an operator deploys from CI: lint-clean, valid, one healthcheck per role, drain before kill. */
describe('container (e2e): Dockerfile and compose file', () => {
  const dockerfile = readFileSync(join(ROOT, 'docker/Dockerfile'), 'utf8');
  const compose = readFileSync(join(ROOT, 'docker/docker-compose.yml'), 'utf8');

  it('passes hadolint', async () => {
    const lint = await operatorTool('hadolint', ['docker/Dockerfile']);
    if (lint) expect(lint).toEqual({ code: 0, out: '' });
  });

  it('is a valid compose file that refuses to start without ENCRYPTION_KEY', async () => {
    // Without the compose plugin `docker compose -f` is an unknown flag, not an unknown command: ask first.
    if (!(await operatorTool('docker', ['compose', 'version']))) return;
    const ok = await operatorTool('docker', COMPOSE, KEYS);
    expect(ok).toEqual({ code: 0, out: '' });
    const missing = await operatorTool('docker', COMPOSE, { ...KEYS, ENCRYPTION_KEY: undefined });
    expect(missing?.code).not.toBe(0);
    expect(missing?.out).toContain('ENCRYPTION_KEY');
  });

  it('builds the admin CLI into the image and probes each role on its own port', () => {
    expect(dockerfile).toContain('RUN npm run build');
    expect(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts.build).toContain('nest build cli');
    const probes = [...compose.matchAll(/healthcheck: \{ test: \["CMD", "node", "docker\/healthcheck\.js", "([^"]+)"\]/g)].map((m) => m[1]);
    expect(probes).toEqual(['http://127.0.0.1:3000/health/ready', 'http://127.0.0.1:9464/health/ready', 'http://127.0.0.1:3900/__sandbox/config']);
    expect(dockerfile).toMatch(/WORKER_HTTP_PORT=9464/);
  });

  it('lets a worker drain before compose kills it', () => {
    const grace = Number(/stop_grace_period: (\d+)s/.exec(compose)![1]) * 1000;
    const drain = Number(/SHUTDOWN_GRACE_MS: "(\d+)"/.exec(compose)![1]);
    expect(drain).toBeLessThan(grace);
  });
});
