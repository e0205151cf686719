/**
 * Analytics benchmarks (figures, not assertions): `npm run bench:analytics`.
 * A 1,000,000-recipient campaign seeded with SQL (mixed statuses and error codes), then over HTTP:
 *  - POST /campaigns/{id}/refresh-metrics (target < 2 s)
 *  - GET  /campaigns/{id}/errors          (target < 2 s)
 *  - drill-down, recipient pages, timeline, and the full CSV export (streamed: memory stays flat).
 * Runs against a throwaway database it creates, migrates and drops.
 * Options: --recipients N (default 1,000,000; the other campaign gets N / 5).
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { API_PREFIX, WorkspacesService } from '@app/platform';
import { arg, benchEnvironment, bootApi, time } from './support';

const RECIPIENTS = arg('recipients', 1_000_000);
/** Recipients of the second campaign that shares the table (200,000 by default). */
const OTHER = Math.round(RECIPIENTS / 5);
const RUNS = 3;
/** Seconds to three decimals here (support's `secs` shows two). */
const secs = (ms: number) => `${(ms / 1000).toFixed(3)} s`;
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

/** Mixed outcomes by i % 100: 55 read, 15 delivered, 5 sent, 15 failed (8 codes), 8 skipped (4 codes), 2 pending/queued. */
const SEED_SQL = `
  INSERT INTO campaign_recipients (id, campaign_id, contact_id, phone, status, message_id, error_code, error_message,
                                   variables, attempts, sent_at, delivered_at, read_at, failed_at, created_at)
  SELECT gen_random_uuid(), $1, gen_random_uuid(), '+9198' || lpad(i::text, 8, '0'),
         s.status,
         CASE WHEN s.status IN ('sent', 'delivered', 'read') OR (s.status = 'failed' AND m % 3 = 0) THEN 'wamid.bench' || i END,
         s.code, s.msg,
         CASE WHEN s.status <> 'skipped' AND s.status <> 'pending' THEN jsonb_build_object('body.1', 'F' || i, 'body.2', 'ORD-' || i) END,
         1,
         CASE WHEN s.status IN ('sent', 'delivered', 'read') THEN t0 + (i % 7200) * interval '1 second' END,
         CASE WHEN s.status IN ('delivered', 'read') THEN t0 + (i % 7200 + 3) * interval '1 second' END,
         CASE WHEN s.status = 'read' THEN t0 + (i % 7200 + 60 + i % 86400) * interval '1 second' END,
         CASE WHEN s.status = 'failed' THEN t0 + (i % 7200 + 1) * interval '1 second' END,
         t0
    FROM generate_series(1, $2::int) i
   CROSS JOIN LATERAL (SELECT i % 100 AS m, TIMESTAMPTZ '2026-03-01 09:00:00+00' AS t0) k
   CROSS JOIN LATERAL (SELECT * FROM (VALUES
       (m < 55, 'read', NULL, NULL),
       (m >= 55 AND m < 70, 'delivered', NULL, NULL),
       (m >= 70 AND m < 75, 'sent', NULL, NULL),
       (m >= 75 AND m < 81, 'failed', '131026', 'Message undeliverable'),
       (m >= 81 AND m < 84, 'failed', '131049', 'This message was not delivered to maintain healthy ecosystem engagement.'),
       (m >= 84 AND m < 86, 'failed', '131056', '(Business Account, Consumer Account) pair rate limit hit'),
       (m = 86, 'failed', '131000', 'Something went wrong'),
       (m = 87, 'failed', '132000', 'Number of parameters does not match the expected number of params'),
       (m = 88, 'failed', '100', 'Invalid parameter'),
       (m = 89, 'failed', CASE WHEN i / 100 % 2 = 0 THEN 'DISPATCH_UNCERTAIN' ELSE '999001' END, 'Unknown or interrupted'),
       (m >= 90 AND m < 94, 'skipped', 'OPTED_OUT', 'Contact opted out'),
       (m >= 94 AND m < 96, 'skipped', 'MISSING_VARIABLE', 'body.2 has no value'),
       (m = 96, 'skipped', 'INVALID_PHONE', 'Not a valid E.164 number'),
       (m = 97, 'skipped', 'DUPLICATE_PHONE', 'Same number as another contact'),
       (m = 98, 'pending', NULL, NULL),
       (m = 99, CASE WHEN i / 100 % 2 = 0 THEN 'queued' ELSE 'sending' END, NULL, NULL)) v(hit, status, code, msg) WHERE hit) s`;

async function main() {
  // Quiet as before. Not left to benchEnvironment's `?? 'error'`: importing @app/platform has already set LOG_LEVEL=info (@nestjs/config defaults).
  process.env.LOG_LEVEL = 'error';
  const env = await benchEnvironment();
  let app: INestApplication | undefined;
  try {
    const booted = await bootApi(false);
    app = booted.app;
    const api = `${booted.baseUrl}/${API_PREFIX}`;
    const db = app.get(DataSource);
    const workspaces = app.get(WorkspacesService);
    const ws = await workspaces.createWorkspace('bench-analytics');
    const { key } = await workspaces.createApiKey(ws.id, ['*']);
    const auth = { Authorization: `Bearer ${key}` };
    const call = async (method: string, path: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${api}${path}`, { method, headers: { ...auth, ...headers } });
      const text = await res.text();
      if (res.status !== 200) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
      return text;
    };

    const campaignId = randomUUID();
    await db.query(
      `INSERT INTO campaigns (id, workspace_id, name, status, template_id, batch_size, batch_delay_ms, total_recipients, version, started_at, completed_at, created_at, updated_at)
       VALUES ($1, $2, 'bench', 'COMPLETED', gen_random_uuid(), 50, 0, $3, 1, now(), now(), now(), now())`,
      [campaignId, ws.id, RECIPIENTS],
    );
    // A second campaign in the same table, so the queries have to pick their campaign's rows out.
    const otherId = randomUUID();
    await db.query(
      `INSERT INTO campaigns (id, workspace_id, name, status, template_id, batch_size, batch_delay_ms, total_recipients, version, created_at, updated_at)
       VALUES ($1, $2, 'other', 'COMPLETED', gen_random_uuid(), 50, 0, 0, 1, now(), now())`,
      [otherId, ws.id],
    );
    const [, seedMs] = await time(async () => {
      await db.query(SEED_SQL, [campaignId, RECIPIENTS]);
      await db.query(SEED_SQL.replace("'+9198'", "'+9197'").replace(/'wamid\.bench'/, "'wamid.other'"), [otherId, OTHER]);
      await db.query(`ANALYZE campaign_recipients`);
    });
    const [{ size }] = await db.query(`SELECT pg_size_pretty(pg_total_relation_size('campaign_recipients')) AS size`);
    console.log(`seeded ${RECIPIENTS.toLocaleString('en')} recipients (+${OTHER.toLocaleString('en')} in another campaign) with SQL + ANALYZE: ${secs(seedMs)}; table with indexes: ${size}`);

    const bench = async (label: string, target: string, fn: () => Promise<string>, runs = RUNS) => {
      const times: number[] = [];
      let last = '';
      for (let i = 0; i < runs; i++) {
        const [out, ms] = await time(fn);
        times.push(ms);
        last = out;
      }
      console.log(`  ${label}: ${times.map(secs).join(', ')}${target ? ` (target ${target})` : ''}`);
      return last;
    };

    for (const phase of ['right after the bulk load (ANALYZE only, visibility map not set yet)', 'after VACUUM (steady state: autovacuum has run)']) {
      if (phase.startsWith('after VACUUM')) {
        const [, vacMs] = await time(() => db.query(`VACUUM ANALYZE campaign_recipients`));
        console.log(`VACUUM ANALYZE campaign_recipients: ${secs(vacMs)}`);
      }
      console.log(`\n${phase}:`);
      const refreshed = JSON.parse(await bench('POST refresh-metrics', '< 2 s', () => call('POST', `/campaigns/${campaignId}/refresh-metrics`)));
      const errors = JSON.parse(await bench('GET errors (summary)', '< 2 s', () => call('GET', `/campaigns/${campaignId}/errors`)));
      await bench('GET errors/131056?limit=200 (drill-down)', '', () => call('GET', `/campaigns/${campaignId}/errors/131056?limit=200`));
      await bench('GET errors/999001?limit=200 (drill-down, rare code)', '', () => call('GET', `/campaigns/${campaignId}/errors/999001?limit=200`));
      await bench('GET recipients?limit=200 (first page)', '', () => call('GET', `/campaigns/${campaignId}/recipients?limit=200`));
      await bench('GET recipients?status=queued&limit=200', '', () => call('GET', `/campaigns/${campaignId}/recipients?status=queued&limit=200`));
      await bench('GET recipients?status=failed,skipped&limit=200', '', () => call('GET', `/campaigns/${campaignId}/recipients?status=failed,skipped&limit=200`));
      await bench('GET timeline?bucket=1h', '', () => call('GET', `/campaigns/${campaignId}/timeline?bucket=1h`));
      await bench('GET timeline?bucket=1m', '', () => call('GET', `/campaigns/${campaignId}/timeline?bucket=1m`), 1);
      if (phase.startsWith('right after')) {
        console.log(`  -> stats ${JSON.stringify(refreshed.stats)}`);
        console.log(`  -> errors total_failed=${errors.total_failed} total_skipped=${errors.total_skipped} codes=${[...errors.by_code, ...errors.skipped_by_code].map((b: { code: string; count: number }) => `${b.code}:${b.count}`).join(' ')}`);
      }
    }

    // The full export, read as a stream and discarded: figures for time, size and memory.
    global.gc?.();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    }, 50);
    const [exported, csvMs] = await time(async () => {
      const res = await fetch(`${api}/campaigns/${campaignId}/recipients`, { headers: { ...auth, Accept: 'text/csv' } });
      if (res.status !== 200 || !res.body) throw new Error(`CSV export: ${res.status}`);
      let bytes = 0;
      let lines = 0;
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const b of chunk) if (b === 10) lines++;
      }
      return { bytes, lines };
    });
    clearInterval(sampler);
    console.log(
      `\nGET recipients with Accept: text/csv, all ${RECIPIENTS.toLocaleString('en')} rows: ${secs(csvMs)}, ${mb(exported.bytes)}, ${exported.lines.toLocaleString('en')} lines ` +
        `(header included); heap used ${mb(before.heapUsed)} -> peak ${mb(peakHeap)}, RSS ${mb(before.rss)} -> peak ${mb(peakRss)} ` +
        '(API server and client in this one process; garbage included)',
    );
  } finally {
    try {
      await app?.close();
    } finally {
      await env.dispose();
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
