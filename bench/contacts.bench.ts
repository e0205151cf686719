/**
 * Audience benchmarks (figures, not assertions): `npm run bench:contacts`.
 *  1. 100,000 contacts upserted through POST /contacts/bulk in chunks of 10,000 (target < 20 s).
 *  2. CountAudience over a 1,000,000-contact audience made of 3 overlapping groups (target < 1.5 s), and the
 *     count of a segment on custom fields over the same 1,000,000 contacts (target < 1.5 s).
 * With `--csv` instead: a CSV file of 1,000,000 rows (`--rows N`) streamed to POST /contacts/imports and
 * imported by a worker process (target <= 30 s end to end), then the same file again; the peak RSS of the
 * API and of the worker, each its own built process, are printed (target < 300 MB).
 * Runs against a throwaway database it creates, migrates and drops.
 * Options (defaults are the sizes above): --contacts N --chunk N --audience N, or --csv --rows N.
 */
import 'reflect-metadata';
import { INestApplication } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { QueryBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CountAudienceQuery, SampleAudienceQuery, AudienceFieldCoverageQuery } from '@app/audience';
import { API_PREFIX, WorkspacesService } from '@app/platform';
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { Readable } from 'node:stream';
import { killHard, NODE_FLAGS, startWorkerProcess } from '../test/support/worker-process';
import { arg, benchEnvironment, bootApi, runBench, sampleRss, secs, time } from './support';

const BULK_TOTAL = arg('contacts', 100_000);
const BULK_CHUNK = arg('chunk', 10_000);
const AUDIENCE_SIZE = arg('audience', 1_000_000);
/** 1,000,000 -> "1M", 1,500,000 -> "1.5M"; other sizes written out. */
const short = (n: number) => (n >= 1_000_000 && n % 100_000 === 0 ? `${n / 1_000_000}M` : n.toLocaleString('en'));
/** Rows in group_members: g1 (first 50%) + g2 (25%-75%) + g3 (last 50%), cut as the seeding SQL cuts them. */
const MEMBERSHIPS = AUDIENCE_SIZE + Math.floor(AUDIENCE_SIZE * 0.75) - Math.floor(AUDIENCE_SIZE * 0.25);

/** A synthetic customer export, generated as it is sent (never whole in memory). */
function* csvRows(rows: number) {
  yield 'phone,first_name,last_name,email,plan,city,score\n';
  for (let i = 0; i < rows; i += 10_000) {
    let chunk = '';
    for (let j = i; j < Math.min(rows, i + 10_000); j++) {
      chunk += `+9196${String(j).padStart(8, '0')},First${j},Bench,c${j}@example.com,${j % 3 ? 'silver' : 'gold'},City${j % 50},${j % 100}\n`;
    }
    yield chunk;
  }
}

/** The built API (`nest build api`) as its own process, so its RSS is the API's alone; resolves once it answers. */
async function startApiProcess(env: Record<string, string>): Promise<{ child: ChildProcess; baseUrl: string }> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const child = spawn(process.execPath, [...NODE_FLAGS, 'dist/apps/api/main.js'], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
  const baseUrl = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    if (await fetch(`${baseUrl}/health/live`).then((r) => r.ok, () => false)) return { child, baseUrl };
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('API did not start in 120 s');
}

async function csvImport() {
  const rows = arg('rows', 1_000_000);
  process.env.LOG_LEVEL = 'error';
  // API and worker run as in production: webpack bundles, not ts-node (whose compiler would skew CPU and RSS).
  execSync('npx nest build api && npx nest build worker', { stdio: 'ignore' });
  const env = await benchEnvironment();
  const { app } = await bootApi(false);
  const processEnv = { DATABASE_URL: env.databaseUrl, QUEUE_PREFIX: env.queuePrefix };
  const worker = await startWorkerProcess(processEnv, { built: true });
  const api = await startApiProcess(processEnv);
  const workerRss = sampleRss(() => worker.pid);
  const apiRss = sampleRss(() => api.child.pid);
  try {
    const workspaces = app.get(WorkspacesService);
    const ws = await workspaces.createWorkspace('bench-import');
    const { key } = await workspaces.createApiKey(ws.id, ['contacts:write', 'contacts:read']);
    const auth = { Authorization: `Bearer ${key}` };
    for (const label of ['first import', 're-import of the same file']) {
      const started = performance.now();
      const res = await fetch(`${api.baseUrl}/${API_PREFIX}/contacts/imports?file_name=bench.csv`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'text/csv' },
        body: Readable.toWeb(Readable.from(csvRows(rows))) as ReadableStream,
        duplex: 'half',
      } as RequestInit);
      const accepted = await res.json();
      if (res.status !== 202) throw new Error(`import refused: ${res.status} ${JSON.stringify(accepted)}`);
      const uploadMs = performance.now() - started;
      let imp = accepted;
      while (imp.status !== 'completed' && imp.status !== 'failed') {
        await new Promise((r) => setTimeout(r, 200));
        imp = await (await fetch(`${api.baseUrl}/${API_PREFIX}/contacts/imports/${accepted.id}`, { headers: auth })).json();
      }
      const totalMs = performance.now() - started;
      const { created, updated, unchanged, rejected } = imp;
      console.log(
        `CSV ${label}, ${rows.toLocaleString('en')} rows (${(accepted.bytes / 1024 / 1024).toFixed(1)} MiB): ${secs(totalMs)} end to end ` +
          `(upload ${secs(uploadMs)}) -> ${imp.status} ${JSON.stringify({ created, updated, unchanged, rejected })} (target <= 30 s)`,
      );
    }
    console.log(`peak RSS during the imports: API ${apiRss.peak().toFixed(0)} MB, worker ${workerRss.peak().toFixed(0)} MB (target < 300 MB each)`);
  } finally {
    workerRss.stop();
    apiRss.stop();
    await killHard(worker);
    await killHard(api.child);
    await app.close();
    await env.dispose();
  }
}

async function main() {
  // Quiet as before. Not left to benchEnvironment's `?? 'error'`: importing @app/platform has already set LOG_LEVEL=info (@nestjs/config defaults).
  process.env.LOG_LEVEL = 'error';
  const env = await benchEnvironment();
  let app: INestApplication | undefined;
  try {
    const api = await bootApi(false);
    app = api.app;
    const baseUrl = api.baseUrl;
    const workspaces = app.get(WorkspacesService);
    const db = app.get(DataSource);
    const queries = app.get(QueryBus);

    // 1. Bulk upsert over HTTP.
    const ws = await workspaces.createWorkspace('bench-bulk');
    const { key } = await workspaces.createApiKey(ws.id, ['contacts:write']);
    const { id: groupId } = await (
      await fetch(`${baseUrl}/${API_PREFIX}/groups`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: 'bulk' }),
      })
    ).json();
    const bulk = async (offset: number) => {
      const contacts = Array.from({ length: Math.min(BULK_CHUNK, BULK_TOTAL - offset) }, (_, i) => ({
        phone: `+9198${String(offset + i).padStart(8, '0')}`,
        first_name: `First${offset + i}`,
        last_name: 'Bench',
        email: `c${offset + i}@example.com`,
        custom_fields: { order_id: `ORD-${offset + i}`, tier: i % 3 ? 'silver' : 'gold', score: i % 100 },
      }));
      const res = await fetch(`${baseUrl}/${API_PREFIX}/contacts/bulk`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ contacts, group_ids: [groupId] }),
      });
      const body = await res.json();
      if (res.status !== 200 || body.failed.length) throw new Error(`bulk failed: ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
      return body as { created: number; updated: number };
    };
    for (const label of ['insert', 'update']) {
      const [, ms] = await time(async () => {
        for (let offset = 0; offset < BULK_TOTAL; offset += BULK_CHUNK) await bulk(offset);
      });
      console.log(`bulk upsert (${label}) of ${BULK_TOTAL.toLocaleString('en')} contacts, ${Math.ceil(BULK_TOTAL / BULK_CHUNK)} requests of ${BULK_CHUNK.toLocaleString('en')}: ${secs(ms)} (target < 20 s)`);
    }

    // 2. Audience count over AUDIENCE_SIZE (default 1M) contacts in 3 overlapping groups, seeded with SQL.
    const ws2 = await workspaces.createWorkspace('bench-audience');
    const [, seedMs] = await time(async () => {
      await db.query(
        `INSERT INTO contacts (id, workspace_id, phone, first_name, email, custom_fields, opted_out, created_at, updated_at)
         SELECT gen_random_uuid(), $1, '+9197' || lpad(i::text, 8, '0'), 'F' || i, CASE WHEN i % 3 = 0 THEN 'e' || i || '@example.com' END,
                jsonb_build_object('order_id', 'O' || i, 'tier', CASE WHEN i % 3 = 0 THEN 'gold' ELSE 'silver' END, 'score', i % 100), i % 100 = 0, now(), now()
           FROM generate_series(1, $2::int) i`,
        [ws2.id, AUDIENCE_SIZE],
      );
      await db.query(
        `INSERT INTO groups (id, workspace_id, name, created_at, updated_at)
         SELECT gen_random_uuid(), $1, 'g' || n, now(), now() FROM generate_series(1, 3) n`,
        [ws2.id],
      );
      // g1: first 50%, g2: 25%-75%, g3: last 50% -> union is every contact, MEMBERSHIPS (1.5M by default).
      await db.query(
        `INSERT INTO group_members (group_id, contact_id)
         SELECT g.id, c.id FROM (SELECT id, row_number() OVER (ORDER BY phone) AS r FROM contacts WHERE workspace_id = $1) c
           JOIN (SELECT id, name FROM groups WHERE workspace_id = $1) g
             ON (g.name = 'g1' AND c.r <= $2 * 0.5) OR (g.name = 'g2' AND c.r > $2 * 0.25 AND c.r <= $2 * 0.75) OR (g.name = 'g3' AND c.r > $2 * 0.5)`,
        [ws2.id, AUDIENCE_SIZE],
      );
      await db.query(`VACUUM ANALYZE contacts`);
      await db.query(`VACUUM ANALYZE group_members`);
      await db.query(`VACUUM ANALYZE groups`);
    });
    console.log(`seeded ${AUDIENCE_SIZE.toLocaleString('en')} contacts in 3 overlapping groups (${short(MEMBERSHIPS)} memberships) with SQL: ${secs(seedMs)}`);
    const groupIds = (await db.query(`SELECT id FROM groups WHERE workspace_id = $1 ORDER BY name`, [ws2.id])).map((r: { id: string }) => r.id);
    const spec = { workspaceId: ws2.id, groupIds, sourceIds: [] };
    for (let run = 1; run <= 3; run++) {
      const [count, ms] = await time(() => queries.execute(new CountAudienceQuery(spec)));
      console.log(`CountAudience, ${short(AUDIENCE_SIZE)}-contact audience (run ${run}): ${secs(ms)} -> ${JSON.stringify(count)} (target < 1.5 s)`);
    }
    const [, sampleMs] = await time(() => queries.execute(new SampleAudienceQuery(spec, 5)));
    console.log(`SampleAudience(5), same audience: ${secs(sampleMs)}`);
    const segment = await db.query(
      `INSERT INTO segments (id, workspace_id, name, definition, created_at, updated_at)
       VALUES (gen_random_uuid(), $1, 'gold, score > 50', $2, now(), now()) RETURNING id`,
      [ws2.id, JSON.stringify({ match: 'all', conditions: [{ field: 'custom_fields.tier', op: 'eq', value: 'gold' }, { field: 'custom_fields.score', op: 'gt', value: 50 }] })],
    );
    const segmentSpec = { workspaceId: ws2.id, groupIds: [], sourceIds: [], segmentIds: [segment[0].id] };
    for (let run = 1; run <= 3; run++) {
      const [count, ms] = await time(() => queries.execute(new CountAudienceQuery(segmentSpec)));
      console.log(`CountAudience, segment (tier eq gold AND score gt 50) over ${short(AUDIENCE_SIZE)} contacts (run ${run}): ${secs(ms)} -> ${JSON.stringify(count)} (target < 1.5 s)`);
    }
    const [coverage, covMs] = await time(() => queries.execute(new AudienceFieldCoverageQuery(spec, ['first_name', 'email', 'custom_fields.order_id'])));
    console.log(`AudienceFieldCoverage(3 fields), same audience: ${secs(covMs)} -> ${JSON.stringify(coverage)}`);
  } finally {
    try {
      await app?.close();
    } finally {
      await env.dispose();
    }
  }
}

runBench(process.argv.includes('--csv') ? csvImport : main);
