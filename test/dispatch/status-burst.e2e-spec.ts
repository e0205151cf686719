import { DataSource } from 'typeorm';
import { signWebhookBody } from '@app/whatsapp';
import { API, createTestApp, TestApp } from '../support/app';
import { statusWebhook } from '../support/status-webhook';
import { createWorld, eventually, ORDER_MAPPING, SANDBOX_SECRET, World } from '../support/world';

const CONTACTS = 300;
const IN_FLIGHT = 64;

/**
 * Meta's status webhooks for a campaign arrive as a burst of single-status POSTs, many in flight, reordered
 * and some repeated. The intake stores and applies them in groups across requests; whatever the order and
 * the grouping, each recipient ends at its furthest status and the live counters equal a recount.
 */
describe('a burst of single-status webhooks (e2e)', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
    // The sandbox sends no webhooks of its own: this test is Meta.
    w = await createWorld(t, { contacts: CONTACTS, phoneOffset: 8100, sandbox: { webhookUrl: null } });
  });
  afterAll(async () => {
    await w.sandbox.close();
    await t.close();
  });

  it('applies shuffled and repeated statuses posted one per request, 64 at once, exactly: live stats equal refresh-metrics', async () => {
    const http = () => t.http().set(w.key.auth);
    const c = await http()
      .post(`${API}/campaigns`)
      .send({ name: 'burst', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] } })
      .expect(201);
    await http().post(`${API}/campaigns/${c.body.id}/send`).expect(200);
    await eventually(async () => ((await http().get(`${API}/campaigns/${c.body.id}`).expect(200)).body.status === 'COMPLETED' ? true : null), {
      timeoutMs: 60_000,
      what: 'every message sent',
    });
    const rows: Array<{ id: string; message_id: string }> = await t.app
      .get(DataSource)
      .query(`SELECT id, message_id FROM campaign_recipients WHERE campaign_id = $1 ORDER BY seq`, [c.body.id]);
    expect(rows).toHaveLength(CONTACTS);

    // Every message delivered, two in three read, a quarter of the statuses sent twice; all shuffled.
    const statuses = rows.flatMap((r, i) => [
      { id: r.message_id, status: 'sent' },
      { id: r.message_id, status: 'delivered' },
      ...(i % 3 !== 2 ? [{ id: r.message_id, status: 'read' }] : []),
    ]);
    const burst = [...statuses, ...statuses.filter((_, i) => i % 4 === 0)];
    for (let i = burst.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [burst[i], burst[j]] = [burst[j], burst[i]];
    }
    let next = 0;
    const answers: number[] = [];
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < burst.length) {
          // One status per POST, as Meta mostly sends them.
          const raw = JSON.stringify(statusWebhook([{ ...burst[next++], timestamp: '1764750000', recipient_id: '12025550000' }]));
          const res = await t
            .http()
            .post(`${API}/webhooks/whatsapp`)
            .set('Content-Type', 'application/json')
            .set('X-Hub-Signature-256', signWebhookBody(raw, SANDBOX_SECRET))
            .send(raw);
          answers.push(res.status);
        }
      }),
    );

    const read = rows.filter((_, i) => i % 3 !== 2).length;
    const ledger: Array<{ status: string; n: number }> = await t.app
      .get(DataSource)
      .query(`SELECT status, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 GROUP BY 1 ORDER BY 1`, [c.body.id]);
    const live = (await http().get(`${API}/campaigns/${c.body.id}`).expect(200)).body.stats;
    const recount = (await http().post(`${API}/campaigns/${c.body.id}/refresh-metrics`).expect(200)).body.stats;
    expect({ posts: answers.length, notOk: answers.filter((s) => s !== 200), ledger, live, recount }).toEqual({
      posts: burst.length,
      notOk: [],
      ledger: [
        { status: 'delivered', n: CONTACTS - read },
        { status: 'read', n: read },
      ],
      live: { total: CONTACTS, sent: CONTACTS, delivered: CONTACTS, read, failed: 0, pending: 0, skipped: 0 },
      recount: live,
    });
  }, 120_000);
});
