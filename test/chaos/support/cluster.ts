import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '@app/composition';
import { dataSourceOptions, ensureDatabase } from '@app/platform';
import type { SandboxOptions } from '../../../apps/wa-sandbox/src/sandbox';
import { API, createTestApp, TestApp } from '../../support/app';
import { killHard, startWorkerProcess } from '../../support/worker-process';
import { createWorld, eventually, ORDER_MAPPING, World } from '../../support/world';
import { PrivatePostgres, startPrivatePostgres } from './private-postgres';
import { PrivateRedis, startPrivateRedis } from './private-redis';

/**
 * What one crash may leave unanswered: the rows a killed worker had `sending`, at most its pumps' in-flight
 * windows (each `rate × p90 latency × 1.25`, at least 8; at this suite's 250 msg/s and a local sandbox, that
 * minimum), with a wide margin.
 */
export const IN_FLIGHT_WINDOW = 64;

/** Knobs every chaos cluster runs with; a test adds or overrides its own. */
const BASE_ENV = {
  QUEUE_PREFIX: 'chaos',
  // The sweep repairs what a fault broke; once a second keeps recovery bounds measurable in seconds.
  SCHEDULE_SWEEP_INTERVAL_MS: '1000',
  SCHEDULE_MAX_LATENESS_MS: '600000',
  // A send whose answer died with its process is settled this long after, so a campaign can finish in the test.
  DISPATCH_UNCERTAIN_TIMEOUT_MS: '10000',
  // A claim's lease; every freeze in this suite lasts longer, so a frozen holder's claims must be taken over.
  DISPATCH_LEASE_MS: '6000',
  RATE_LIMIT_PER_KEY_PER_MINUTE: '1000000',
  RATE_LIMIT_PER_IP_PER_MINUTE: '1000000',
};

export type Campaign = { id: string; status: string; stats: Record<string, number>; pause_reason: string | null; scheduled_at?: string | null };

export interface ChaosWorker {
  child: ChildProcess;
  /** SIGKILL: the process dies with whatever it had in flight. */
  kill(): Promise<void>;
  /** SIGSTOP: the process keeps its sockets and state but runs no code (a GC pause, a frozen VM). */
  freeze(): void;
  /** SIGCONT after a freeze. */
  thaw(): void;
}

export interface ClusterOptions {
  contacts?: number;
  workers?: number;
  /** The channel's messages_per_second. */
  mps?: number;
  /** Keep Redis data in an AOF across restarts. */
  appendonly?: boolean;
  env?: Record<string, string>;
  sandbox?: SandboxOptions;
}

/** What a test holds: private Postgres and Redis, the API in-process, worker processes, and helpers. */
export interface Cluster {
  pg: PrivatePostgres;
  redis: PrivateRedis;
  env: Record<string, string>;
  t: TestApp;
  /** The world created with the cluster (its contacts, sandbox and channel). */
  w: World;
  workers: ChaosWorker[];
  startWorker(): Promise<ChaosWorker>;
  /** A live worker process that holds a claim lease on the campaign: one that is pumping it right now. */
  pumpingWorker(campaignId: string): Promise<ChaosWorker>;
  /** A workspace with its own sandbox, channel, template and `contacts` contacts. */
  world(opts?: { contacts?: number; sandbox?: SandboxOptions }): Promise<World>;
  campaigns(w: World): CampaignApi;
  /** Per-status (and error code) counts of a campaign's recipient rows, read from Postgres. */
  ledger(campaignId: string): Promise<Array<{ status: string; error_code: string | null; n: number }>>;
  close(): Promise<void>;
}

export interface CampaignApi {
  create(body?: Record<string, unknown>): Promise<Campaign>;
  /** Creates a campaign over the whole world and sends it now. */
  launch(body?: Record<string, unknown>): Promise<Campaign>;
  action(id: string, action: string, body?: object): Promise<{ status: number; body: any }>;
  get(id: string): Promise<Campaign>;
  until(id: string, pred: (c: Campaign) => boolean, what: string, timeoutMs?: number): Promise<Campaign>;
}

function chaosWorker(child: ChildProcess): ChaosWorker {
  return {
    child,
    kill: () => killHard(child),
    freeze: () => void child.kill('SIGSTOP'),
    thaw: () => void child.kill('SIGCONT'),
  };
}

/**
 * Boots a private Postgres (migrated) and Redis, the API in this process, `workers` real worker processes
 * pointed at them, and one world. Whatever was started is torn down by `close()`, also after a failed start.
 */
export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const stack: Array<() => Promise<void>> = [];
  const close = async () => {
    const errors: unknown[] = [];
    for (const undo of stack.splice(0).reverse()) await undo().catch((e) => errors.push(e));
    if (errors.length) throw errors[0];
  };
  try {
    const pg = await startPrivatePostgres();
    stack.push(() => pg.close());
    const redis = await startPrivateRedis({ appendonly: opts.appendonly });
    stack.push(() => redis.close());

    const databaseUrl = pg.url('wace_chaos');
    await ensureDatabase(databaseUrl);
    const ds = new DataSource(dataSourceOptions(databaseUrl, ALL_MIGRATIONS));
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    await ds.destroy();

    const env = { ...BASE_ENV, DATABASE_URL: databaseUrl, REDIS_URL: redis.url, ...opts.env };
    const workers: ChaosWorker[] = [];
    stack.push(async () => {
      for (const worker of workers) await worker.kill();
    });
    const startWorker = async () => {
      const worker = chaosWorker(await startWorkerProcess(env));
      workers.push(worker);
      return worker;
    };
    // Started while the API boots: ts-node takes a while per process.
    const starting = Promise.all(Array.from({ length: opts.workers ?? 2 }, () => startWorker()));
    starting.catch(() => undefined);
    const t = await createTestApp({ env });
    stack.push(() => t.close());
    await starting;

    const db = t.app.get(DataSource);
    const world = async (o: { contacts?: number; sandbox?: SandboxOptions } = {}) => {
      const w = await createWorld(t, { contacts: o.contacts ?? opts.contacts ?? 5000, mps: opts.mps ?? 250, sandbox: { ...opts.sandbox, ...o.sandbox } });
      stack.push(() => w.sandbox.close());
      return w;
    };
    const campaigns = (w: World): CampaignApi => {
      const http = () => t.http().set(w.key.auth);
      const get = async (id: string) => (await http().get(`${API}/campaigns/${id}`).expect(200)).body as Campaign;
      const create = async (body: Record<string, unknown> = {}) =>
        (
          await http()
            .post(`${API}/campaigns`)
            .send({ name: 'chaos', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 500, ...body })
            .expect(201)
        ).body as Campaign;
      return {
        create,
        launch: async (body) => {
          const campaign = await create(body);
          await http().post(`${API}/campaigns/${campaign.id}/send`).expect(200);
          return campaign;
        },
        action: async (id, action, body) => {
          const res = await http().post(`${API}/campaigns/${id}/${action}`).send(body);
          return { status: res.status, body: res.body };
        },
        get,
        until: (id, pred, what, timeoutMs = 120_000) =>
          eventually(
            async () => {
              const c = await get(id);
              return pred(c) ? c : null;
            },
            { timeoutMs, intervalMs: 250, what },
          ),
      };
    };

    const w = await world();
    return {
      pg,
      redis,
      env,
      t,
      w,
      workers,
      startWorker,
      pumpingWorker: (campaignId) =>
        // The worker that holds a live claim lease on the campaign (the one with the most rows claimed when
        // two pumps share it): a fault aimed at "the pumping worker" must never hit an idle one.
        eventually(
          async () => {
            const holders: Array<{ worker_id: string }> = await db.query(
              `SELECT l.worker_id FROM dispatch_leases l LEFT JOIN campaign_recipients r ON r.claim_token = l.token
                WHERE l.campaign_id = $1 AND l.expires_at > now() GROUP BY l.worker_id ORDER BY count(r.id) DESC`,
              [campaignId],
            );
            const alive = workers.filter((x) => x.child.exitCode === null && x.child.signalCode === null);
            for (const { worker_id } of holders) {
              const pumping = alive.find((x) => worker_id.endsWith(`:${x.child.pid}`));
              if (pumping) return pumping;
            }
            return null;
          },
          { timeoutMs: 30_000, intervalMs: 100, what: `a worker holding a lease of ${campaignId}` },
        ),
      world,
      campaigns,
      ledger: (campaignId) =>
        db.query(`SELECT status, error_code, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [campaignId]),
      close,
    };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}

/** Starts a cluster before the file's tests and tears it down after them, failed or not; answers a getter. */
export function useCluster(opts: ClusterOptions = {}): () => Cluster {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(opts);
  }, 240_000);
  afterAll(() => cluster?.close(), 60_000);
  return () => {
    if (!cluster) throw new Error('the chaos cluster did not start');
    return cluster;
  };
}
