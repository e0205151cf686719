import { ChildProcess } from 'node:child_process';
import { DataSource } from 'typeorm';
import { API, createTestApp, freePort, TestApp } from '../support/app';
import { killHard, startWorkerProcess } from '../support/worker-process';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

const CONTACTS = 400;

/**
 * A rolling deploy's SIGTERM: the worker process (with its health/metrics port) is stopped mid-campaign. It
 * must stop claiming, let its calls in flight finish and record them, hand back what it claimed, and exit 0;
 * a new worker then completes the campaign, each recipient messaged once and the campaign completed once.
 */
describe('worker graceful shutdown and health port (e2e)', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-sigterm`;
  const env = { QUEUE_PREFIX: prefix, SCHEDULE_SWEEP_INTERVAL_MS: '1000' };
  let t: TestApp;
  let w: World;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    t = await createTestApp({ env });
    // 300 ms a call at 100 msg/s: about 30 calls are in flight whenever the SIGTERM lands.
    w = await createWorld(t, { contacts: CONTACTS, mps: 100, phoneOffset: 6000, sandbox: { latencyMs: 300 } });
  });
  afterAll(async () => {
    if (worker) await killHard(worker);
    await w.sandbox.close();
    await t.close();
  });

  it('answers health and metrics, drains on SIGTERM, and the campaign completes exactly once after a restart', async () => {
    const port = await freePort();
    worker = await startWorkerProcess({ ...env, WORKER_HTTP_PORT: String(port), HOST: '127.0.0.1', SHUTDOWN_GRACE_MS: '30000' });
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await eventually(async () => {
      const r = await fetch(`${base}/health/ready`);
      return r.status === 200 ? r.json() : null;
    }, { what: 'worker ready' });
    expect(ready).toEqual({ status: 'ok', info: { postgres: { status: 'up' }, redis: { status: 'up' }, queues: { status: 'up' } } });
    expect((await fetch(`${base}/nope`)).status).toBe(404);

    const http = () => t.http().set(w.key.auth);
    const c = await http()
      .post(`${API}/campaigns`)
      .send({ name: 'sigterm', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 50 })
      .expect(201);
    await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
    await eventually(async () => w.sandbox.state.stats().accepted >= 100, { timeoutMs: 60_000, what: '100 sends before the SIGTERM' });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^wace_messages_sent_total\\{channel_id="${w.channelId}",outcome="accepted",error_code=""\\} \\d+`, 'm'));
    expect(metrics).toMatch(/^wace_recipients_claimed_total \d+/m);

    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => worker!.once('exit', (code, signal) => resolve({ code, signal })));
    worker.kill('SIGTERM');
    expect(await exited).toEqual({ code: 0, signal: null });
    worker = null;

    // Everything the worker called was answered and recorded; nothing is left claimed or in doubt.
    const db = t.app.get(DataSource);
    const rows: Array<{ status: string; error_code: string | null; n: number }> = await db.query(
      `SELECT status, error_code, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 GROUP BY 1, 2`,
      [c.body.id],
    );
    const count = (pred: (r: (typeof rows)[number]) => boolean) => rows.filter(pred).reduce((s, r) => s + r.n, 0);
    expect(count((r) => r.status === 'sending' || r.status === 'queued')).toBe(0);
    expect(count((r) => r.error_code === 'DISPATCH_UNCERTAIN')).toBe(0);
    const recorded = count((r) => ['sent', 'delivered', 'read'].includes(r.status));
    expect(recorded).toBe(w.sandbox.state.stats().accepted);
    expect(recorded).toBeLessThan(CONTACTS);

    worker = await startWorkerProcess(env);
    const done = await eventually(
      async () => {
        const r = await http().get(`${API}/campaigns/${c.body.id}`).expect(200);
        return r.body.status === 'COMPLETED' ? r.body : null;
      },
      { timeoutMs: 120_000, what: 'completion after restart' },
    );
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: CONTACTS, recipients: CONTACTS, recipients_messaged_more_than_once: 0 });
    expect(done.stats).toMatchObject({ total: CONTACTS, failed: 0, pending: 0 });
    const [completed] = await db.query(`SELECT count(*)::int AS n FROM outbox_events WHERE aggregate_id = $1 AND type = 'campaign.completed'`, [c.body.id]);
    expect(completed.n).toBe(1);
  }, 300_000);
});
