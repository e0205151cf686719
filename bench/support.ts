import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS, AppModule } from '@app/composition';
import { configureApp, dataSourceOptions, dropDatabase, ensureDatabase } from '@app/platform';

export const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** `--name N` from the command line as a positive integer, or `fallback` when the option is absent. */
export function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i > 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive integer`);
  return n;
}

export async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/**
 * A throwaway database (migrated) and Redis prefix for one bench run, exported to process.env so apps and
 * child processes use them; `dispose` drops both.
 */
export async function benchEnvironment(): Promise<{ databaseUrl: string; queuePrefix: string; dispose: () => Promise<void> }> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  base.pathname = `/wace_bench_${id}`;
  const databaseUrl = base.toString();
  const queuePrefix = `wace-bench-${id}`;
  Object.assign(process.env, { DATABASE_URL: databaseUrl, QUEUE_PREFIX: queuePrefix, MIGRATIONS_RUN: 'false', CHANNELS_ALLOW_PRIVATE_URLS: 'true', RATE_LIMIT_PER_KEY_PER_MINUTE: '1000000', RATE_LIMIT_PER_IP_PER_MINUTE: '1000000', LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'error' });
  await ensureDatabase(databaseUrl);
  const migrator = new DataSource(dataSourceOptions(databaseUrl, ALL_MIGRATIONS));
  await migrator.initialize();
  await migrator.runMigrations({ transaction: 'each' });
  await migrator.destroy();
  return {
    databaseUrl,
    queuePrefix,
    dispose: async () => {
      await dropDatabase(databaseUrl);
      const redis = new Redis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${queuePrefix}*`, 'COUNT', 1000);
        if (keys.length) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      redis.disconnect();
    },
  };
}

/** The real API (optionally with queue processors) listening on an ephemeral port. */
export async function bootApi(workers = false): Promise<{ app: INestApplication; baseUrl: string }> {
  const app = await NestFactory.create(AppModule.register({ http: true, workers }), { bodyParser: false, bufferLogs: true });
  await configureApp(app, { swagger: false });
  await app.listen(0, '127.0.0.1');
  return { app, baseUrl: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
}

/** Runs a bench's `main` and exits (open handles of the apps it booted would otherwise keep it alive). */
export function runBench(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

/** Samples a process's resident memory (Linux /proc) until stopped; returns the peak in MB. */
export function sampleRss(pid: () => number | undefined) {
  let peak = 0;
  const timer = setInterval(() => {
    const p = pid();
    if (!p) return;
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${p}/status`, 'utf8'))?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      /* process gone between samples */
    }
  }, 200);
  return { peak: () => peak, stop: () => clearInterval(timer) };
}

/** CPU time (user + system, ms) a process has used so far (Linux /proc); 0 once it is gone (or for pid 0: none yet). */
function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return 0;
  }
}

/** CPU used so far by each Postgres server process on this machine (its backends and helpers), by /proc. */
function postgresCpuMs(): Map<number, number> {
  const used = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'postgres') used.set(Number(entry), cpuMs(Number(entry)));
    } catch {
      /* process gone */
    }
  }
  return used;
}

/**
 * CPU used by named processes between `start` and the call of what it returns (Postgres: all its processes,
 * which on a bench machine serve the bench alone; one that exits meanwhile takes its share with it), printed
 * per 1,000 messages: where a send's cost goes, whatever the machine's speed.
 */
export function cpuMeter(processes: Record<string, () => number | undefined>) {
  const read = () => new Map(Object.entries(processes).map(([name, pid]) => [name, cpuMs(pid() ?? 0)]));
  return {
    start: () => {
      const before = read();
      const pgBefore = postgresCpuMs();
      return (messages: number) => {
        const used = [...read()].map(([name, ms]) => [name, ms - before.get(name)!] as const);
        let pg = 0;
        for (const [pid, ms] of postgresCpuMs()) pg += ms - (pgBefore.get(pid) ?? 0);
        return [...used, ['postgres', pg] as const].map(([name, ms]) => `${name} ${((ms / messages) * 1000).toFixed(0)} ms`).join(', ');
      };
    },
  };
}
