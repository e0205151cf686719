import { DataSource } from 'typeorm';
import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

describe('dispatch smoke (e2e)', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    w = await createWorld(t, { contacts: 30 });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('sends every recipient once and completes with exact stats', async () => {
    const http = () => t.http().set(w.key.auth);
    const c = await http()
      .post(`${API}/campaigns`)
      .send({ name: 'smoke', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 7 })
      .expect(201);
    const sent = await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
    expect(sent.body.status).toBe('RUNNING');
    const done = await eventually(
      async () => {
        const r = await http().get(`${API}/campaigns/${c.body.id}`).expect(200);
        return r.body.status === 'COMPLETED' && r.body.stats.read === 30 ? r.body : null;
      },
      { what: 'campaign completed and read' },
    );
    expect(done.stats).toEqual({ total: 30, sent: 30, delivered: 30, read: 30, failed: 0, pending: 0, skipped: 0 });
    expect(done.total_recipients).toBe(30);
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: 30, recipients: 30, recipients_messaged_more_than_once: 0 });

    // Deleting the finished campaign drops what Dispatch and Analytics kept for it.
    await http().delete(`${API}/campaigns/${c.body.id}`).expect(204);
    const db = t.app.get(DataSource);
    await eventually(async () => {
      const [r] = await db.query(`SELECT (SELECT count(*) FROM campaign_recipients WHERE campaign_id = $1)::int AS recipients,
                                         (SELECT count(*) FROM campaign_stats WHERE campaign_id = $1)::int AS stats`, [c.body.id]);
      return r.recipients === 0 && r.stats === 0;
    }, { what: 'recipients and stats purged' });
  });
});
