/**
 * Status-webhook intake benchmark (printed figures, not assertions): `npm run bench:webhooks`.
 * Meta-shaped, signed status webhooks for recipients of a large sent campaign hit the real API (its own
 * process, as in production) from an undici load generator in this process:
 *  1. one status per POST (Meta's usual shape), `--concurrency` in flight: POSTs/s, ack p50/p99 (target ≥ 3,000/s, p99 ≤ 250 ms);
 *  2. 100 statuses per POST, 8 in flight: statuses/s (target ≥ 20,000/s);
 * and throughout: stats lag (acknowledged → visible in GET /campaigns/{id}, p95 ≤ 5 s), that GET's p95
 * (≤ 50 ms) and the API's peak RSS (< 300 MB). Options: --recipients N (default 1,000,000) --posts N
 * (single-status POSTs, default 60,000) --batched N (statuses sent 100 a POST, default 200,000) --concurrency N.
 */
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { Pool } from 'undici';
import { Worker } from 'node:worker_threads';
import { WorkspacesService } from '@app/platform';
import { statusWebhook } from '../test/support/status-webhook';
import { NODE_FLAGS } from '../test/support/worker-process';
import { arg, benchEnvironment, bootApi, runBench, secs } from './support';

const RECIPIENTS = arg('recipients', 1_000_000);
const POSTS = arg('posts', 60_000);
const BATCHED = arg('batched', 200_000);
const CONCURRENCY = arg('concurrency', 128);
const PHONE_NUMBER_ID = '100000000000001';
const WABA_ID = '200000000000001';
const SECRET = 'bench-app-secret';

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : NaN);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function body(statuses: Array<{ wamid: string; status: string; ts: number }>): string {
  return JSON.stringify(
    statusWebhook(
      statuses.map((s) => ({ id: s.wamid, status: s.status, timestamp: String(s.ts), recipient_id: '4915112345678' })),
      { phoneNumberId: PHONE_NUMBER_ID, wabaId: WABA_ID },
    ),
  );
}

async function startApi(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...(process.env.BENCH_API_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_API_PROF] : []), ...NODE_FLAGS, 'dist/apps/api/main.js'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', RUN_WORKERS: 'false' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/health/live`).then((r) => r.ok, () => false);
    if (ok) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('API did not start');
}

/** The GET poller's thread: samples until told to stop, then posts them back. */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
const samples = [];
let stop = false;
parentPort.once('message', () => (stop = true));
(async () => {
  while (!stop) {
    const start = performance.timeOrigin + performance.now();
    const c = await (await fetch(workerData.url, { headers: { authorization: 'Bearer ' + workerData.key } })).json();
    samples.push({ start, end: performance.timeOrigin + performance.now(), seen: c.stats[workerData.counter] });
    await new Promise((r) => setTimeout(r, 200));
  }
  parentPort.postMessage(samples);
})();
`;

function rssOf(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

async function main() {
  execSync('npx nest build api', { stdio: 'ignore' });
  const env = await benchEnvironment();
  let api: ChildProcess | undefined;
  try {
    // Setup through the real API (channel secrets are encrypted by it), in this process, then closed.
    const setup = await bootApi(false);
    const workspaces = setup.app.get(WorkspacesService);
    const ws = await workspaces.createWorkspace('bench-webhooks');
    const { key } = await workspaces.createApiKey(ws.id, ['*']);
    const res = await fetch(`${setup.baseUrl}/api/v1/public/channels`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', phone_number_id: PHONE_NUMBER_ID, waba_id: WABA_ID, access_token: 'x', app_secret: SECRET, api_base_url: 'http://127.0.0.1:9', messages_per_second: 1000 }),
    });
    const channel = await res.json();
    if (!res.ok) throw new Error(`channel: ${JSON.stringify(channel)}`);
    const db = setup.app.get(DataSource);
    const campaignId = randomUUID();
    const t0 = performance.now();
    // A template of its own, as every real campaign has: its GET then reads what a real one reads.
    const [template] = await db.query(
      `INSERT INTO templates (id, workspace_id, meta_template_id, name, language, category, status, components, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, '900000000000001', 'order_update', 'en_US', 'UTILITY', 'APPROVED', '[{"type":"BODY","text":"Hi {{1}}"}]', now(), now()) RETURNING id`,
      [ws.id],
    );
    await db.query(
      `INSERT INTO campaigns (id, workspace_id, name, status, template_id, channel_id, batch_size, batch_delay_ms, total_recipients, version, started_at, created_at, updated_at)
       VALUES ($1, $2, 'bench', 'RUNNING', $5, $3, 50, 0, $4, 1, now(), now(), now())`,
      [campaignId, ws.id, channel.id, RECIPIENTS, template.id],
    );
    await db.query(`INSERT INTO dispatch_runs (campaign_id, audience_key, channel_ids) VALUES ($1, 'bench', ARRAY[$2::uuid])`, [campaignId, channel.id]);
    await db.query(
      `INSERT INTO campaign_recipients (id, campaign_id, contact_id, phone, status, message_id, attempts, sent_at)
       SELECT gen_random_uuid(), $1, gen_random_uuid(), '+9198' || lpad(i::text, 8, '0'), 'sent', 'wamid.b' || i, 1, now() FROM generate_series(1, $2::int) i`,
      [campaignId, RECIPIENTS],
    );
    await db.query(`INSERT INTO campaign_stats (campaign_id, total, sent) VALUES ($1, $2, $2)`, [campaignId, RECIPIENTS]);
    await db.query('VACUUM ANALYZE campaign_recipients');
    console.log(`bench:webhooks on ${require('node:os').cpus().length} cores: ${RECIPIENTS} sent recipients seeded in ${secs(performance.now() - t0)}`);
    await setup.app.close();

    const port = await freePort();
    api = await startApi(port);
    const apiPid = api.pid!;
    let peakRss = rssOf(apiPid);
    const pool = new Pool(`http://127.0.0.1:${port}`, { connections: CONCURRENCY, pipelining: 1 });
    const post = async (payload: string) => {
      const r = await pool.request({
        path: '/api/v1/public/webhooks/whatsapp',
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', SECRET).update(payload).digest('hex')}` },
        body: payload,
      });
      await r.body.dump();
      if (r.statusCode !== 200) throw new Error(`webhook answered ${r.statusCode}`);
    };

    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, rssOf(apiPid))), 200);
    /**
     * Polls the campaign while a phase runs, from a thread of its own (the load generator's busy event loop
     * would otherwise add its own delays to the GET's latency): GET latency, and how far `delivered`/`read`
     * trail what was acknowledged. Times are absolute (timeOrigin + now), comparable across threads.
     */
    const watch = (counter: 'delivered' | 'read', ackedAt: number[]) => {
      const poller = new Worker(POLLER, { eval: true, workerData: { url: `http://127.0.0.1:${port}/api/v1/public/campaigns/${campaignId}`, key, counter } });
      return async () => {
        const samples = await new Promise<Array<{ start: number; end: number; seen: number }>>((resolve, reject) => {
          poller.once('message', resolve);
          poller.once('error', reject);
          poller.postMessage('stop');
        });
        await poller.terminate();
        const getMs = samples.map((x) => x.end - x.start).sort((a, b) => a - b);
        // The newest acknowledged status not yet counted: its age is the lag.
        const lagMs = samples.map((x) => (x.seen < ackedAt.length ? Math.max(0, x.end - ackedAt[x.seen]) : 0)).sort((a, b) => a - b);
        return { getMs, lagMs };
      };
    };
    const untilCounted = async (counter: 'delivered' | 'read', n: number) => {
      const start = performance.now();
      for (;;) {
        const c = await (await fetch(`http://127.0.0.1:${port}/api/v1/public/campaigns/${campaignId}`, { headers: { authorization: `Bearer ${key}` } })).json();
        if (c.stats[counter] >= n) return performance.now() - start;
        await new Promise((res) => setTimeout(res, 100));
      }
    };

    // 1. One status per POST.
    const acked: number[] = [];
    const ackMs: number[] = [];
    const stopWatch = watch('delivered', acked);
    let next = 0;
    const t1 = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < POSTS) {
          const i = ++next;
          const start = performance.now();
          await post(body([{ wamid: `wamid.b${i}`, status: 'delivered', ts: 1764750000 }]));
          const end = performance.now();
          ackMs.push(end - start);
          acked.push(performance.timeOrigin + end);
        }
      }),
    );
    const singleSecs = (performance.now() - t1) / 1000;
    const drain1 = await untilCounted('delivered', POSTS);
    const w1 = await stopWatch();
    ackMs.sort((a, b) => a - b);
    console.log(
      `one status per POST, ${CONCURRENCY} in flight: ${POSTS} POSTs in ${singleSecs.toFixed(2)} s → ${(POSTS / singleSecs).toFixed(0)} POSTs/s; ` +
        `ack p50 ${pct(ackMs, 0.5).toFixed(0)} ms, p99 ${pct(ackMs, 0.99).toFixed(0)} ms; stats lag p95 ${(pct(w1.lagMs, 0.95) / 1000).toFixed(2)} s ` +
        `(all counted ${(drain1 / 1000).toFixed(2)} s after the last ack); GET /campaigns/{id} p95 ${pct(w1.getMs, 0.95).toFixed(0)} ms`,
    );

    // 2. 100 statuses per POST.
    const acked2: number[] = [];
    const stopWatch2 = watch('read', acked2);
    let nextBatch = 0;
    const t2 = performance.now();
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (nextBatch < BATCHED) {
          const from = nextBatch;
          nextBatch += 100;
          const statuses = Array.from({ length: Math.min(100, BATCHED - from) }, (_, j) => ({ wamid: `wamid.b${POSTS + from + j + 1}`, status: 'read', ts: 1764750100 }));
          await post(body(statuses));
          const end = performance.timeOrigin + performance.now();
          for (let j = 0; j < statuses.length; j++) acked2.push(end);
        }
      }),
    );
    const batchedSecs = (performance.now() - t2) / 1000;
    await untilCounted('read', BATCHED);
    const w2 = await stopWatch2();
    console.log(
      `100 statuses per POST, 8 in flight: ${BATCHED} statuses in ${batchedSecs.toFixed(2)} s → ${(BATCHED / batchedSecs).toFixed(0)} statuses/s; ` +
        `stats lag p95 ${(pct(w2.lagMs, 0.95) / 1000).toFixed(2)} s; GET /campaigns/{id} p95 ${pct(w2.getMs, 0.95).toFixed(0)} ms`,
    );
    clearInterval(rssTimer);
    console.log(`API peak RSS: ${peakRss.toFixed(0)} MB`);
    await pool.close();
  } finally {
    api?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    await env.dispose();
  }
}

runBench(main);
