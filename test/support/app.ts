import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import { AppModule } from '@app/composition';
import { configureApp, Scope, WorkspacesService } from '@app/platform';

export interface TestApp {
  app: INestApplication;
  /** Base URL of the listening server, e.g. for webhook callbacks. */
  url: string;
  http: () => request.Agent;
  close: () => Promise<void>;
}

/**
 * Boots the real API (and optionally the queue processors) against the run's Postgres and Redis,
 * listening on an ephemeral port. Each app gets its own queue namespace so concurrently running test
 * files never consume each other's jobs.
 */
export async function createTestApp(opts: { workers?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const saved = { ...process.env };
  Object.assign(process.env, { QUEUE_PREFIX: `${saved.QUEUE_PREFIX}-${randomBytes(3).toString('hex')}` }, opts.env);
  const moduleRef = await Test.createTestingModule({
    imports: [AppModule.register({ http: true, workers: opts.workers ?? false })],
  }).compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, bufferLogs: true });
  await configureApp(app);
  await app.listen(0, '127.0.0.1');
  process.env = saved;
  const url = await app.getUrl();
  return {
    app,
    url: url.replace('[::1]', '127.0.0.1'),
    http: () => request.agent(app.getHttpServer()),
    close: () => app.close(),
  };
}

export interface TestKey {
  workspaceId: string;
  key: string;
  auth: { Authorization: string };
}

export async function createWorkspaceKey(t: TestApp, scopes: Array<Scope | '*'> = ['*'], workspaceId?: string): Promise<TestKey> {
  const svc = t.app.get(WorkspacesService);
  const ws = workspaceId ?? (await svc.createWorkspace(`ws-${randomBytes(4).toString('hex')}`)).id;
  const { key } = await svc.createApiKey(ws, scopes);
  return { workspaceId: ws, key, auth: { Authorization: `Bearer ${key}` } };
}

export const API = '/api/v1/public';

/** A TCP port free right now on 127.0.0.1, for a process the test starts. */
export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
