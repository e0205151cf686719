import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';
import { parseCsv } from './helpers';

interface Stats {
  total: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  pending: number;
  skipped: number;
}

/**
 * A real campaign through the dispatch engine and the sandbox (sends, status webhooks, failures, skips),
 * then the analytics read back: the recount agrees with the incrementally kept counters.
 */
describe('analytics of a real campaign (e2e, workers)', () => {
  let t: TestApp;
  let w: World;
  let campaignId: string;
  let settled: { stats: Stats };
  const http = () => t.http().set(w.key.auth);

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    // Phones end in their index: i % 10 picks the outcome.
    w = await createWorld(t, {
      contacts: 50,
      contactFields: (i) => (i % 10 === 7 ? { custom_fields: {} } : {}), // 5 skipped: MISSING_VARIABLE
      sandbox: {
        scenarios: [
          { match: { regex: '1$' }, error_code: 131026 }, // 5 failed when sent
          { match: { regex: '3$' }, async_error_code: 131049 }, // 5 accepted, then failed by webhook
          { match: { regex: '5$' }, never_read: true }, // 5 delivered, never read
          { match: { regex: '9$' }, delivery_delay_ms: 1500 }, // 5 delivered/read late, likely after completion
        ],
      },
    });
    for (const c of w.contacts.filter((x) => x.phone.endsWith('8')).slice(0, 2)) {
      await http().patch(`${API}/contacts/${c.id}`).send({ opted_out: true }).expect(200); // 2 skipped: OPTED_OUT
    }
    const created = await http()
      .post(`${API}/campaigns`)
      .send({ name: 'analytics e2e', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 10 })
      .expect(201);
    campaignId = created.body.id;
    await http().post(`${API}/campaigns/${campaignId}/send`).expect(200);
    settled = await eventually(
      async () => {
        const c = (await http().get(`${API}/campaigns/${campaignId}`).expect(200)).body;
        return c.status === 'COMPLETED' && c.stats.failed === 10 && c.stats.delivered === 33 && c.stats.read === 28 ? c : null;
      },
      { timeoutMs: 60_000, what: 'campaign COMPLETED with settled delivered/read/failed stats' },
    );
  }, 120_000);
  afterAll(async () => {
    await w?.sandbox.close();
    await t?.close();
  });

  it('kept exact incremental stats, and refresh-metrics recomputes the same figures', async () => {
    expect(settled.stats).toEqual({ total: 50, sent: 33, delivered: 33, read: 28, failed: 10, pending: 0, skipped: 7 });
    const refreshed = await http().post(`${API}/campaigns/${campaignId}/refresh-metrics`).expect(200);
    expect(refreshed.body).toMatchObject({ id: campaignId, status: 'COMPLETED' });
    expect(refreshed.body.stats).toEqual(settled.stats);
    expect((await http().get(`${API}/campaigns/${campaignId}`).expect(200)).body.stats).toEqual(settled.stats);
  });

  it('summarises the errors consistently with the stats', async () => {
    const res = await http().get(`${API}/campaigns/${campaignId}/errors`).expect(200);
    expect(res.body.total_failed).toBe(settled.stats.failed);
    expect(res.body.total_skipped).toBe(settled.stats.skipped);
    const counts = (buckets: Array<{ code: string; count: number }>) => buckets.map((b) => [b.code, b.count]);
    expect(counts(res.body.by_code)).toEqual([
      ['131026', 5],
      ['131049', 5],
    ]);
    expect(counts(res.body.skipped_by_code)).toEqual([
      ['MISSING_VARIABLE', 5],
      ['OPTED_OUT', 2],
    ]);
    const drill = await http().get(`${API}/campaigns/${campaignId}/errors/131049`).expect(200);
    expect(drill.body.recipients).toHaveLength(5);
    for (const r of drill.body.recipients) {
      expect(r).toEqual({ id: expect.any(String), phone_number: expect.stringMatching(/3$/), contact_id: expect.any(String), status: 'failed', message_id: expect.stringMatching(/^wamid\./), error: expect.any(String) });
    }
  });

  it('lists, exports and bins the same recipients', async () => {
    const list = await http().get(`${API}/campaigns/${campaignId}/recipients`).query({ limit: 200 }).expect(200);
    expect(list.body.data).toHaveLength(50);
    const by = (s: string) => list.body.data.filter((r: { status: string }) => r.status === s).length;
    expect({ read: by('read'), delivered: by('delivered'), failed: by('failed'), skipped: by('skipped') }).toEqual({ read: 28, delivered: 5, failed: 10, skipped: 7 });
    const read = list.body.data.find((r: { status: string }) => r.status === 'read');
    const contact = Number(read.phone_number.slice(-4));
    expect(read.variables).toMatchObject({ 'body.1': `Name${contact}`, 'body.2': `ORD-${contact}` });
    expect([read.sent_at, read.delivered_at, read.read_at].every(Boolean)).toBe(true);

    const csv = parseCsv((await http().get(`${API}/campaigns/${campaignId}/recipients`).set('Accept', 'text/csv').expect(200)).text);
    expect(csv.slice(1).map((r) => r[0])).toEqual(list.body.data.map((r: { id: string }) => r.id));

    const timeline = await http().get(`${API}/campaigns/${campaignId}/timeline`).query({ bucket: '1d' }).expect(200);
    const sum = (k: string) => timeline.body.series.reduce((n: number, p: Record<string, number>) => n + p[k], 0);
    expect({ sent: sum('sent'), delivered: sum('delivered'), read: sum('read'), failed: sum('failed') }).toEqual({
      sent: settled.stats.sent, delivered: settled.stats.delivered, read: settled.stats.read, failed: settled.stats.failed,
    });
  });
});
