import { DataSource } from 'typeorm';
import { API, createTestApp, TestApp } from '../support/app';
import { killHard, startWorkerProcess } from '../support/worker-process';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

/**
 * Exactly once across a crash: the worker process is SIGKILLed mid-campaign and restarted; the campaign
 * completes and no recipient is messaged twice. Rows whose HTTP call was cut off are reconciled from the
 * sandbox's status webhooks (biz_opaque_callback_data) or failed as DISPATCH_UNCERTAIN, never resent.
 */
describe('worker crash (e2e)', () => {
  const prefix = `${process.env.QUEUE_PREFIX}-crash`;
  const env = { QUEUE_PREFIX: prefix, SCHEDULE_SWEEP_INTERVAL_MS: '1000', DISPATCH_UNCERTAIN_TIMEOUT_MS: '5000' };
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp({ env });
    w = await createWorld(t, { contacts: 1000, mps: 100, phoneOffset: 8000 });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('completes after a SIGKILL and restart with nobody messaged twice', async () => {
    let worker = await startWorkerProcess(env);
    try {
      const c = await t
        .http()
        .set(w.key.auth)
        .post(`${API}/campaigns`)
        .send({ name: 'crash', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 100 })
        .expect(201);
      await t.http().set(w.key.auth).post(`${API}/campaigns/${c.body.id}/send`).expect(200);
      await eventually(async () => w.sandbox.state.stats().accepted >= 300, { timeoutMs: 60_000, what: '300 sends before the crash' });
      await killHard(worker);
      const atCrash = w.sandbox.state.stats().accepted;
      expect(atCrash).toBeLessThan(1000);

      worker = await startWorkerProcess(env);
      const done = await eventually(
        async () => {
          const r = await t.http().set(w.key.auth).get(`${API}/campaigns/${c.body.id}`).expect(200);
          return r.body.status === 'COMPLETED' ? r.body : null;
        },
        { timeoutMs: 120_000, what: 'completion after restart' },
      );
      const stats = w.sandbox.state.stats();
      expect(stats.recipients_messaged_more_than_once).toBe(0);
      expect(done.stats.total).toBe(1000);
      // The counters move in the same statement as the recipient rows, so a SIGKILL can't leave them apart:
      // once the status webhooks are in, the live stats are what a recount of the rows says.
      await eventually(async () => w.sandbox.state.webhookBacklog() === 0, { timeoutMs: 60_000, what: 'status webhooks to drain' });
      const live = (await t.http().set(w.key.auth).get(`${API}/campaigns/${c.body.id}`).expect(200)).body.stats;
      const exact = (await t.http().set(w.key.auth).post(`${API}/campaigns/${c.body.id}/refresh-metrics`).expect(200)).body;
      expect(live).toEqual(exact.stats);
      expect(exact.stats.pending).toBe(0);
      // Everything WhatsApp accepted is reported sent; the rest failed only as uncertain, never silently lost.
      expect(exact.stats.sent).toBe(stats.accepted);
      const failures = await t.app
        .get(DataSource)
        .query(`SELECT error_code, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 AND status = 'failed' GROUP BY 1`, [c.body.id]);
      for (const f of failures) expect(f.error_code).toBe('DISPATCH_UNCERTAIN');
      expect(exact.stats.sent + exact.stats.failed).toBe(1000);
    } finally {
      await killHard(worker);
    }
  }, 420_000);
});
