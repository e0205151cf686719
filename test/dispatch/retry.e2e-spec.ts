import { DataSource } from 'typeorm';
import { API, createTestApp, createWorkspaceKey, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, World } from '../support/world';

type Campaign = { id: string; status: string; stats: Record<string, number>; requeued?: number };

describe('retry failed recipients (e2e)', () => {
  let t: TestApp;
  const worlds: World[] = [];

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000' } });
  });
  afterAll(async () => {
    for (const w of worlds) await w.sandbox.close();
    await t.close();
  });

  const world = async (opts: Parameters<typeof createWorld>[1]) => {
    const w = await createWorld(t, opts);
    worlds.push(w);
    return w;
  };
  const api = (w: World) => {
    const http = () => t.http().set(w.key.auth);
    return {
      http,
      create: async () =>
        (await http().post(`${API}/campaigns`).send({ name: 'c', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, batch_size: 5 }).expect(201))
          .body as Campaign,
      action: (id: string, action: string, body?: object) => http().post(`${API}/campaigns/${id}/${action}`).send(body),
      until: (id: string, pred: (c: Campaign) => boolean, what: string) =>
        eventually(async () => {
          const c = (await http().get(`${API}/campaigns/${id}`).expect(200)).body as Campaign;
          return pred(c) ? c : null;
        }, { what, timeoutMs: 60_000 }),
    };
  };
  /** How many messages the sandbox accepted for each number. */
  const sendsPerPhone = (w: World) => {
    const counts = new Map<string, number>();
    for (const m of w.sandbox.state.messages) counts.set(`+${m.wa_id}`, (counts.get(`+${m.wa_id}`) ?? 0) + 1);
    return counts;
  };

  it('re-sends only retryable failures, never a sent or delivered recipient, and counts each recipient once', async () => {
    // 40 contacts: numbers ending in 1 are refused once (131026), ending in 2 fail once after acceptance (131049),
    // ending in 3 opted out at Meta (131050, never retried).
    const w = await world({
      contacts: 40,
      phoneOffset: 9100,
      sandbox: {
        scenarios: [
          { id: 'undeliverable', match: { suffix: '1' }, error_code: 131026, times: 4 },
          { id: 'ecosystem', match: { suffix: '2' }, async_error_code: 131049, times: 4 },
          { id: 'opted-out', match: { suffix: '3' }, error_code: 131050 },
        ] as never,
      },
    });
    const a = api(w);
    const c = await a.create();
    // Only a finished campaign can be retried.
    expect((await a.action(c.id, 'retry').expect(400)).body.code).toBe('INVALID_TRANSITION');
    await a.action(c.id, 'send').expect(200);
    const first = await a.until(c.id, (x) => x.status === 'COMPLETED' && x.stats.failed === 12 && x.stats.read === 28, 'first run');
    expect(first.stats).toMatchObject({ total: 40, sent: 28, failed: 12, pending: 0 });

    expect((await a.action(c.id, 'retry', { codes: ['131050'] }).expect(400)).body).toMatchObject({ code: 'CODE_NOT_RETRYABLE', details: { codes: ['131050'] } });
    // Two retries at once: one wins; the other lost the race (409) or found the campaign already RUNNING (400).
    const both = await Promise.all([a.action(c.id, 'retry'), a.action(c.id, 'retry')]);
    const won = both.filter((r) => r.status === 200);
    expect(won).toHaveLength(1);
    const lost = both.find((r) => r.status !== 200)!;
    expect([[409, 'CONCURRENT_TRANSITION'], [400, 'INVALID_TRANSITION']]).toContainEqual([lost.status, lost.body.code]);
    const retried = won[0].body as Campaign;
    expect(retried).toMatchObject({ status: 'RUNNING', requeued: 8 });

    const done = await a.until(c.id, (x) => x.status === 'COMPLETED' && x.stats.read === 36, 'retried run');
    expect(done.stats).toMatchObject({ total: 40, sent: 36, delivered: 36, failed: 4, pending: 0, skipped: 0 });

    const sends = sendsPerPhone(w);
    for (const contact of w.contacts) {
      // Refused sends never reached a phone; an accepted send that failed later did, so its retry is its second message.
      const expected = contact.phone.endsWith('3') ? 0 : contact.phone.endsWith('2') ? 2 : 1;
      expect([contact.phone, sends.get(contact.phone) ?? 0]).toEqual([contact.phone, expected]);
    }
    const db = t.app.get(DataSource);
    const rows = await db.query(
      `SELECT right(phone, 1) AS d, status, error_code, attempts FROM campaign_recipients WHERE campaign_id = $1 AND right(phone, 1) IN ('1', '2', '3') ORDER BY 1 LIMIT 40`,
      [c.id],
    );
    for (const r of rows.filter((x: { d: string }) => x.d === '2')) expect(r).toMatchObject({ status: 'read' });
    // History kept: a recipient refused before its retry still counts that attempt.
    for (const r of rows.filter((x: { d: string }) => x.d === '1')) expect(r).toMatchObject({ status: 'read', attempts: 1 });
    for (const r of rows.filter((x: { d: string }) => x.d === '3')) expect(r).toMatchObject({ status: 'failed', error_code: '131050', attempts: 1 });
    // Counters equal a recount from the rows.
    await a.http().post(`${API}/campaigns/${c.id}/refresh-metrics`).expect(200).expect((r) => expect(r.body.stats).toEqual(done.stats));
    const events = await db.query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY id`, [c.id]);
    expect(events.map((e: { type: string }) => e.type)).toContain('campaign.retried');

    // Nothing left that a retry would send: 422, and the campaign stays as it was (the transition rolled back).
    expect((await a.action(c.id, 'retry').expect(422)).body.code).toBe('NOTHING_TO_RETRY');
    expect((await a.http().get(`${API}/campaigns/${c.id}`).expect(200)).body.status).toBe('COMPLETED');
  });

  it('a stopped campaign sends only its failures again; recipients it never attempted are skipped', async () => {
    // The first three sends are refused as undeliverable (131026), at 2 messages a second.
    const w = await world({ contacts: 30, mps: 2, phoneOffset: 9200, sandbox: { scenarios: [{ match: { regex: '.*' }, error_code: 131026, times: 3 }] as never } });
    const a = api(w);
    const c = await a.create();
    await a.action(c.id, 'send').expect(200);
    await a.until(c.id, (x) => x.stats.failed >= 3, 'a few failures');
    await a.action(c.id, 'stop').expect(200);
    const db = t.app.get(DataSource);
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 AND status IN ('queued', 'sending')`, [c.id]))[0].n === 0,
      { what: 'claims released after stop' },
    );
    const stopped = (await a.http().get(`${API}/campaigns/${c.id}`).expect(200)).body as Campaign;
    const { failed, pending, sent } = stopped.stats;
    expect(pending).toBeGreaterThan(0);

    const retried = (await a.action(c.id, 'retry', { codes: ['131026'] }).expect(200)).body as Campaign;
    expect(retried.requeued).toBe(failed);
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED', 'retried stop');
    expect(done.stats).toMatchObject({ total: 30, pending: 0, skipped: pending, failed: 0 });
    expect(done.stats.sent).toBe(sent + failed);
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: sent + failed, recipients_messaged_more_than_once: 0 });
    const skipped = await db.query(`SELECT DISTINCT error_code FROM campaign_recipients WHERE campaign_id = $1 AND status = 'skipped'`, [c.id]);
    expect(skipped).toEqual([{ error_code: 'CAMPAIGN_STOPPED' }]);
  });

  it('answers 404 for another workspace and 400 for hostile input', async () => {
    const w = await world({ contacts: 1, phoneOffset: 9300 });
    const c = await api(w).create();
    const other = await createWorkspaceKey(t);
    const foreign = await t.http().set(other.auth).post(`${API}/campaigns/${c.id}/retry`).send({}).expect(404);
    expect(foreign.body.code).toBe('CAMPAIGN_NOT_FOUND');
    const a = api(w);
    for (const body of [{ codes: [131026] }, { codes: 'x' }, { codes: ['13\u00001'] }, { codes: ['x'.repeat(10_000)] }, { codes: [] }, { other: 1 }]) {
      const r = await a.action(c.id, 'retry', body);
      expect([JSON.stringify(body).slice(0, 40), r.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
    }
  });
});
