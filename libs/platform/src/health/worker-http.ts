import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';
import { Env } from '../config/env';
import { metricsRegistry, watchedQueues } from '../metrics/metrics';
import { RedisService } from '../queue/redis.service';

type Check = { status: 'up' | 'down'; message?: string };

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer in ${ms} ms`)), ms).unref())]);

/**
 * The worker's own small HTTP server (`WORKER_HTTP_PORT`; none when 0): liveness, readiness (Postgres,
 * Redis, queues consuming) and the Prometheus metrics, the same paths the API serves. The worker has no
 * Nest HTTP stack, so this is plain node:http. Readiness turns 503 as soon as shutdown begins.
 */
@Injectable()
export class WorkerHttpServer implements OnApplicationBootstrap, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHttpServer.name);
  private server: Server | null = null;
  private stopping = false;

  constructor(
    private readonly env: Env,
    @InjectDataSource() private readonly db: DataSource,
    private readonly redis: RedisService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.env.WORKER_HTTP_PORT) return;
    const server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(this.env.WORKER_HTTP_PORT, this.env.HOST, resolve));
    this.server = server;
    this.logger.log(`health and metrics on ${this.env.HOST}:${this.env.WORKER_HTTP_PORT}`);
  }

  onModuleDestroy(): void {
    this.stopping = true;
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server?.closeAllConnections();
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0];
    const send = (status: number, type: string, body: string): void => void res.writeHead(status, { 'Content-Type': type }).end(body);
    try {
      if (req.method !== 'GET') return send(405, 'application/json', JSON.stringify({ status: 'error', message: 'GET only' }));
      if (path === '/health/live') return send(200, 'application/json', JSON.stringify({ status: 'ok' }));
      if (path === '/metrics') return send(200, metricsRegistry.contentType, await metricsRegistry.metrics());
      if (path === '/health/ready') {
        const info = await this.readiness();
        const ok = Object.values(info).every((c) => c.status === 'up');
        return send(ok ? 200 : 503, 'application/json', JSON.stringify({ status: ok ? 'ok' : 'error', info }));
      }
      send(404, 'application/json', JSON.stringify({ status: 'error', message: 'not found' }));
    } catch (e) {
      send(500, 'application/json', JSON.stringify({ status: 'error', message: (e as Error).message }));
    }
  }

  private async readiness(): Promise<Record<string, Check>> {
    const probe = async (fn: () => Promise<unknown>): Promise<Check> => {
      try {
        await withTimeout(fn(), 2000);
        return { status: 'up' };
      } catch (e) {
        return { status: 'down', message: (e as Error).message };
      }
    };
    const [postgres, redis] = await Promise.all([probe(() => this.db.query('SELECT 1')), probe(() => this.redis.client.ping())]);
    const queues = watchedQueues();
    // A consuming queue holds a blocking connection waiting for jobs (Bull opens it with the first processor;
    // reading `bclient` before that would open one); a stopping worker takes no more.
    const consumes = (q: (typeof queues)[number]) => {
      const internals = q as unknown as { bclientInitialized?: boolean; bclient: { status?: string } };
      return internals.bclientInitialized === true && internals.bclient.status === 'ready';
    };
    const idle = queues.filter((q) => !consumes(q)).map((q) => q.name);
    const consuming: Check =
      this.stopping ? { status: 'down', message: 'shutting down' } : idle.length || !queues.length ? { status: 'down', message: `not consuming: ${idle.join(', ') || 'no queues'}` } : { status: 'up' };
    return { postgres, redis, queues: consuming };
  }
}
