/**
 * Dispatch benchmarks (printed figures, not assertions): `npm run bench:dispatch`.
 *  1. N recipients (default 100,000) on a channel limited to 1,000 msg/s: sustained rate vs the limit (target ≥ 90 %).
 *  2. The same with no practical limit: the engine's ceiling on this machine (target ≥ 2,000 msg/s), and
 *     the sandbox's raw capacity measured in the same run, as a ratio.
 *  3. Materialising a 1,000,000-contact audience (target < 15 s).
 * Throughout, the worker process's RSS is sampled (target < 300 MB).
 * The sandbox and the worker run as their own processes; the API (which also takes the status webhooks)
 * runs in this one. Options: --recipients N --limit MPS --materialise N --raw N --campaigns K (K > 1 adds a
 * phase: K campaigns on K channels limited to LIMIT/K msg/s each, N/K recipients each, sent at once by
 * one worker). The sandbox answers after SANDBOX_LATENCY_MS (default 0); every line states it.
 */
import { ChildProcess, execSync, spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { WorkspacesService } from '@app/platform';
import { WhatsAppClient } from '@app/whatsapp';
import { killHard, startWorkerProcess } from '../test/support/worker-process';
import { benchEnvironment, bootApi, runBench, sampleRss, secs } from './support';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg('recipients', 100_000);
const LIMIT = arg('limit', 1000);
const MATERIALISE = arg('materialise', 1_000_000);
const RAW = arg('raw', 50_000);
const CAMPAIGNS = arg('campaigns', 1);
const LATENCY = `sandbox latency ${Number(process.env.SANDBOX_LATENCY_MS ?? 0)} ms`;
/** --no-webhooks: the sandbox sends no status webhooks (isolates the send path from status ingestion). */
const WEBHOOKS = !process.argv.includes('--no-webhooks');

const TEMPLATE = {
  name: 'order_update',
  language: 'en_US',
  category: 'UTILITY',
  components: [{ type: 'BODY', text: 'Hi {{1}}, your order {{2}} has shipped.' }],
};
const MAPPING = { body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' } } };

async function startSandbox(webhookUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist/apps/wa-sandbox/main.js'], {
    env: {
      ...process.env,
      SANDBOX_PORT: '0',
      SANDBOX_MPS: '0',
      SANDBOX_STATUS_DELAY_MS: '250',
      SANDBOX_WEBHOOK_URL: WEBHOOKS ? webhookUrl : '',
      SANDBOX_TEMPLATES: JSON.stringify([{ ...TEMPLATE, status: 'APPROVED' }]),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited ${code}: ${out}`)));
  });
  child.stdout!.removeAllListeners('data').resume();
  child.removeAllListeners('exit');
  return { url, child };
}

async function main() {
  // Worker and sandbox run as in production: webpack bundles, not ts-node (its compiler would skew CPU and RSS).
  execSync('npx nest build worker && npx nest build wa-sandbox', { stdio: 'ignore' });
  const env = await benchEnvironment();
  const { app, baseUrl } = await bootApi(false);
  const api = `${baseUrl}/api/v1/public`;
  const sandbox = await startSandbox(`${api}/webhooks/whatsapp`);
  let worker: ChildProcess | undefined;
  const rss = sampleRss(() => worker?.pid);
  const db = app.get(DataSource);
  const workspaces = app.get(WorkspacesService);

  const call = async (key: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  const webhooksDrained = async () => {
    for (;;) {
      const stats = await (await fetch(`${sandbox.url}/__sandbox/stats`)).json();
      if (!stats.webhooks?.backlog) return;
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  /**
   * A workspace with a sandbox channel at `mps`, the template, and `size` contacts (seeded with SQL) in one
   * group; `offset` keeps the phones of campaigns sent together apart (the sandbox enforces the pair rate).
   */
  const setup = async (name: string, mps: number, size: number, offset = 0) => {
    const ws = await workspaces.createWorkspace(name);
    const { key } = await workspaces.createApiKey(ws.id, ['*']);
    await call(key, 'POST', '/channels', {
      name,
      phone_number_id: '100000000000001',
      waba_id: '200000000000001',
      access_token: 'sandbox-token',
      app_secret: 'sandbox-secret',
      api_base_url: sandbox.url,
      messages_per_second: mps,
    });
    const template = await call(key, 'POST', '/templates', TEMPLATE);
    const group = await call(key, 'POST', '/groups', { name });
    await db.query(
      `INSERT INTO contacts (id, workspace_id, phone, first_name, custom_fields, opted_out, created_at, updated_at)
       SELECT gen_random_uuid(), $1, '+1' || (2000000000 + $3::int + i)::text, 'F' || i, jsonb_build_object('order_id', 'O' || i), false, now(), now()
         FROM generate_series(1, $2::int) i`,
      [ws.id, size, offset],
    );
    await db.query(`INSERT INTO group_members (group_id, contact_id) SELECT $1, id FROM contacts WHERE workspace_id = $2`, [group.id, ws.id]);
    // Measure from a steady state: statistics current, the seeding's dirty pages written out, and the row
    // versions an earlier phase left behind vacuumed away, as autovacuum would have done (it is off on this
    // machine's Postgres) — otherwise each phase would run slower than the one before it.
    for (const table of ['contacts', 'group_members', 'campaign_recipients']) await db.query(`VACUUM ANALYZE ${table}`);
    await db.query('CHECKPOINT');
    const campaign = await call(key, 'POST', '/campaigns', {
      name,
      template_id: template.id,
      variable_mapping: MAPPING,
      audience: { groups: [group.id] },
      batch_size: 1000,
    });
    return { key, campaignId: campaign.id as string };
  };

  /**
   * Sends `k` campaigns at once (each on its own channel at `mps`, N/k recipients) and follows them to the
   * end: overall and sustained (10 %-90 %) rates of all of them together.
   */
  const run = async (label: string, mps: number, k = 1) => {
    // The previous phase's status webhooks would otherwise still be applied while this one sends.
    await webhooksDrained();
    const size = Math.floor(N / k);
    const total = size * k;
    const campaigns = [];
    for (let i = 0; i < k; i++) campaigns.push(await setup(k > 1 ? `${label} #${i + 1}` : label, mps, size, i * size));
    const rejectedBefore = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()).rejected;
    const t0 = performance.now();
    await Promise.all(campaigns.map((c) => call(c.key, 'POST', `/campaigns/${c.campaignId}/send`)));
    let t10 = 0;
    let t90 = 0;
    for (;;) {
      const all = await Promise.all(campaigns.map((c) => call(c.key, 'GET', `/campaigns/${c.campaignId}`)));
      const done = all.reduce((n, c) => n + c.stats.sent + c.stats.failed + c.stats.skipped, 0);
      const now = performance.now();
      if (!t10 && done >= total * 0.1) t10 = now;
      if (!t90 && done >= total * 0.9) t90 = now;
      if (done >= total) {
        const elapsed = now - t0;
        const sustained = (total * 0.8) / ((t90 - t10) / 1000);
        const limit = mps * k;
        const rejected = (await (await fetch(`${sandbox.url}/__sandbox/stats`)).json()).rejected;
        const refused = Object.keys(rejected).filter((code) => rejected[code] !== rejectedBefore[code]);
        console.log(
          `${label} (${LATENCY}): ${total} recipients in ${secs(elapsed)} → ${(total / (elapsed / 1000)).toFixed(0)} msg/s overall, ` +
            `${sustained.toFixed(0)} msg/s sustained (10-90 %)${limit <= LIMIT ? `, ${((sustained / limit) * 100).toFixed(1)} % of the ${limit} msg/s limit` : ''}; ` +
            `failed ${all.reduce((n, c) => n + c.stats.failed, 0)}; sandbox refusals ${refused.length ? refused.map((c) => `${c}×${rejected[c] - (rejectedBefore[c] ?? 0)}`).join(', ') : 'none'}`,
        );
        await Promise.all(campaigns.map((c) => call(c.key, 'POST', `/campaigns/${c.campaignId}/stop`).catch(() => undefined)));
        return sustained;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  };

  try {
    worker = await startWorkerProcess({ DATABASE_URL: env.databaseUrl, QUEUE_PREFIX: env.queuePrefix }, { timeoutMs: 180_000, built: true });
    console.log(`bench:dispatch on ${require('node:os').cpus().length} cores; sandbox ${sandbox.url}; worker pid ${worker.pid}`);

    await run(`limited to ${LIMIT} msg/s`, LIMIT);
    if (CAMPAIGNS > 1) await run(`${CAMPAIGNS} campaigns limited to ${LIMIT / CAMPAIGNS} msg/s each`, LIMIT / CAMPAIGNS, CAMPAIGNS);
    const ceiling = await run('no limit (10,000 msg/s channel)', 10_000);

    // Measure the sandbox alone: wait until the status webhooks of the runs above have all gone out.
    await webhooksDrained();
    const client = new WhatsAppClient(undefined, { connectionsPerOrigin: 128 });
    const target = { apiBaseUrl: sandbox.url, accessToken: 'sandbox-token', phoneNumberId: '100000000000001' };
    const rawStart = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 128 }, async () => {
        while (next < RAW) {
          const i = next++;
          await client.sendTemplate(target, {
            to: `+1${3000000000 + i}`,
            templateName: TEMPLATE.name,
            language: TEMPLATE.language,
            components: [{ type: 'body', parameters: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] }],
          });
        }
      }),
    );
    const raw = RAW / ((performance.now() - rawStart) / 1000);
    await client.close();
    console.log(`sandbox raw capacity (${LATENCY}; client → sandbox, 128 concurrent, no engine): ${raw.toFixed(0)} msg/s; engine ceiling / raw = ${(ceiling / raw).toFixed(2)}`);

    // The raw run's status webhooks would otherwise be applied by the API while Postgres materialises.
    await webhooksDrained();
    const m = await setup('materialise', 1, MATERIALISE);
    const t0 = performance.now();
    await call(m.key, 'POST', `/campaigns/${m.campaignId}/send`);
    for (;;) {
      const c = await call(m.key, 'GET', `/campaigns/${m.campaignId}`);
      if (c.total_recipients >= MATERIALISE) {
        console.log(`materialise ${MATERIALISE} recipients (send → total_recipients set): ${secs(performance.now() - t0)}`);
        await call(m.key, 'POST', `/campaigns/${m.campaignId}/stop`);
        break;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    console.log(`worker peak RSS: ${rss.peak().toFixed(0)} MB`);
  } finally {
    rss.stop();
    if (worker) await killHard(worker);
    sandbox.child.kill('SIGTERM');
    await app.close();
    await env.dispose();
  }
}

runBench(main);
