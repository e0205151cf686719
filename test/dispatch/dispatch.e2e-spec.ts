import { DataSource } from 'typeorm';
import { QueryBus } from '@nestjs/cqrs';
import { BuildAudienceSelectQuery } from '@app/audience';
import { isUUID } from 'class-validator';
import { RecipientLedger } from '../../libs/dispatch/src/database/recipient-ledger';
import { contactIdSlices } from '../../libs/dispatch/src/worker/contact-id-slices';
import { prefixedUuid } from '@app/platform';
import { API, createTestApp, TestApp } from '../support/app';
import { createWorld, eventually, ORDER_MAPPING, phoneFor, World } from '../support/world';

type Campaign = { id: string; status: string; stats: Record<string, number>; pause_reason: string | null; failure_reason: string | null };

describe('dispatch engine (e2e)', () => {
  let t: TestApp;
  const worlds: World[] = [];
  const world = async (opts: Parameters<typeof createWorld>[1]) => {
    const w = await createWorld(t, opts);
    worlds.push(w);
    return w;
  };

  beforeAll(async () => {
    t = await createTestApp({ workers: true, env: { SCHEDULE_SWEEP_INTERVAL_MS: '1000', SCHEDULE_MAX_LATENESS_MS: '60000' } });
  });
  afterAll(async () => {
    for (const w of worlds) await w.sandbox.close();
    await t.close();
  });

  const api = (w: World) => ({
    create: (body: Record<string, unknown> = {}) =>
      t
        .http()
        .set(w.key.auth)
        .post(`${API}/campaigns`)
        .send({ name: 'c', template_id: w.templateId, variable_mapping: ORDER_MAPPING, audience: { groups: [w.groupId] }, ...body })
        .expect(201)
        .then((r) => r.body as Campaign),
    action: (id: string, action: string, body?: object) => t.http().set(w.key.auth).post(`${API}/campaigns/${id}/${action}`).send(body),
    get: (id: string) =>
      t
        .http()
        .set(w.key.auth)
        .get(`${API}/campaigns/${id}`)
        .expect(200)
        .then((r) => r.body as Campaign),
    until: (id: string, pred: (c: Campaign) => boolean, what: string, timeoutMs = 60_000) =>
      eventually(async () => {
        const c = await t.http().set(w.key.auth).get(`${API}/campaigns/${id}`).expect(200);
        return pred(c.body) ? (c.body as Campaign) : null;
      }, { timeoutMs, what }),
  });

  it('runs 1,000 recipients through a mix of outcomes to COMPLETED with exact stats', async () => {
    const w = await world({
      contacts: 1000,
      contactFields: (i) => (i % 100 === 6 ? { custom_fields: {} } : {}),
      sandbox: {
        scenarios: [
          { match: { suffix: '01' }, error_code: 131026 },
          { match: { suffix: '02' }, error_code: 131056, times: 10 },
          { match: { suffix: '03' }, async_error_code: 131049 },
          { match: { suffix: '04' }, never_read: true },
        ],
      },
    });
    const optedOut = w.contacts.filter((c) => Number(c.phone.slice(-4)) % 50 === 5);
    expect(optedOut).toHaveLength(20);
    for (const c of optedOut) await t.http().set(w.key.auth).patch(`${API}/contacts/${c.id}`).send({ opted_out: true }).expect(200);

    const a = api(w);
    const c = await a.create({ batch_size: 100 });
    await a.action(c.id, 'send').expect(200);
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED' && x.stats.read === 940 && x.stats.failed === 20, 'completion with settled statuses');
    expect(done.stats).toEqual({ total: 1000, sent: 950, delivered: 950, read: 940, failed: 20, pending: 0, skipped: 30 });

    const byCode = await t.app
      .get(DataSource)
      .query(`SELECT status, error_code, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 GROUP BY 1, 2 ORDER BY 1, 2`, [c.id]);
    expect(byCode).toEqual([
      { status: 'delivered', error_code: null, n: 10 },
      { status: 'failed', error_code: '131026', n: 10 },
      { status: 'failed', error_code: '131049', n: 10 },
      { status: 'read', error_code: null, n: 940 },
      { status: 'skipped', error_code: 'MISSING_VARIABLE', n: 10 },
      { status: 'skipped', error_code: 'OPTED_OUT', n: 20 },
    ]);
    // 131056 recipients were retried after their pair-rate delay and then delivered: one accepted message each.
    const stats = w.sandbox.state.stats();
    expect(stats.recipients_messaged_more_than_once).toBe(0);
    expect(stats.accepted).toBe(960);
  });

  it('pause drains and stops new sends; resume continues where it stopped', async () => {
    const w = await world({ contacts: 300, mps: 100, phoneOffset: 2000 });
    const a = api(w);
    const c = await a.create({ batch_size: 20 });
    await a.action(c.id, 'send').expect(200);
    await eventually(async () => w.sandbox.state.stats().accepted >= 50, { what: '50 sends' });
    const paused = await a.action(c.id, 'pause').expect(200);
    expect(paused.body).toMatchObject({ status: 'PAUSED', pause_reason: 'MANUAL' });
    // In-flight sends drain; then nothing new goes out while paused.
    await new Promise((r) => setTimeout(r, 1500));
    const settled = w.sandbox.state.stats().accepted;
    await new Promise((r) => setTimeout(r, 1500));
    expect(w.sandbox.state.stats().accepted).toBe(settled);
    expect(settled).toBeLessThan(300);
    const mid = await a.get(c.id);
    expect(mid.stats.pending).toBe(300 - settled);
    await a.action(c.id, 'resume').expect(200);
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED', 'completion after resume');
    expect(done.stats).toMatchObject({ total: 300, sent: 300, failed: 0, pending: 0 });
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: 300, recipients_messaged_more_than_once: 0 });
  });

  it('an audience widened while paused adds only the new contacts, each messaged once', async () => {
    const w = await world({ contacts: 60, mps: 20, phoneOffset: 7500 });
    const a = api(w);
    const http = () => t.http().set(w.key.auth);
    const extra = (await http().post(`${API}/groups`).send({ name: 'more' }).expect(201)).body.id as string;
    // 30 members already in the first group plus 20 new contacts.
    const rows = [...w.contacts.slice(0, 30).map((c) => ({ phone: c.phone })), ...Array.from({ length: 20 }, (_, i) => ({ phone: phoneFor(7600 + i), first_name: `New${i}`, custom_fields: { order_id: `N${i}` } }))];
    expect((await http().post(`${API}/contacts/bulk`).send({ contacts: rows, group_ids: [extra] }).expect(200)).body.failed).toEqual([]);

    const c = await a.create({ batch_size: 10 });
    await a.action(c.id, 'send').expect(200);
    await a.until(c.id, (x) => x.stats.total === 60 && x.stats.sent >= 10, 'first sends');
    await a.action(c.id, 'pause').expect(200);
    await http().put(`${API}/campaigns/${c.id}/audience`).send({ groups: [w.groupId, extra] }).expect(200);
    await a.action(c.id, 'resume').expect(200);
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED' && x.stats.sent === 80, 'completion over the wider audience');
    expect(done.stats).toMatchObject({ total: 80, sent: 80, failed: 0, pending: 0, skipped: 0 });
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: 80, recipients: 80, recipients_messaged_more_than_once: 0 });
  });

  it('twin materialisations of one campaign insert its audience once; the one that waited finds it done', async () => {
    const w = await world({ contacts: 40, phoneOffset: 7700 });
    const c = await api(w).create();
    const spec = { workspaceId: (await t.app.get(DataSource).query(`SELECT workspace_id FROM campaigns WHERE id = $1`, [c.id]))[0].workspace_id, groupIds: [w.groupId], sourceIds: [] };
    const queries = t.app.get(QueryBus);
    const slices = await Promise.all(
      [['00000000-0000-0000-0000-000000000000', '7fffffff-ffff-ffff-ffff-ffffffffffff'], ['80000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']].map(
        (range) => queries.execute(new BuildAudienceSelectQuery(spec, 2, range as [string, string])),
      ),
    );
    const whole = await queries.execute(new BuildAudienceSelectQuery(spec, 2));
    const ledger = t.app.get(RecipientLedger);
    const results = await Promise.all([ledger.materialise(c.id, 'k', slices, whole), ledger.materialise(c.id, 'k', slices, whole)]);
    const landed = results.filter((r) => r !== null);
    expect(landed).toHaveLength(1);
    expect(landed[0]!.total).toBe(40);
    const stats = async () => (await t.app.get(DataSource).query(`SELECT total, pending FROM campaign_stats WHERE campaign_id = $1`, [c.id]))[0];
    expect(await stats()).toEqual({ total: 40, pending: 40 });
    expect(await ledger.countRecipients(c.id)).toBe(40);
    // Ids are built in SQL from a per-slice prefix and the row's seq: v4-shaped, and the same as the helper's.
    const rows: Array<{ id: string; seq: string }> = await t.app.get(DataSource).query(`SELECT id, seq FROM campaign_recipients WHERE campaign_id = $1`, [c.id]);
    for (const r of rows) expect(prefixedUuid(Buffer.from(r.id.replace(/-/g, '').slice(0, 16), 'hex'), BigInt(r.seq))).toBe(r.id);
    expect(rows.every((r) => isUUID(r.id, '4'))).toBe(true);
    expect(new Set(rows.map((r) => r.id.slice(0, 18))).size).toBe(2);
    // A different audience key is new work again (an audience changed while paused): only missing contacts are added.
    const again = await ledger.materialise(c.id, 'k2', slices, whole);
    expect(again).toMatchObject({ total: 40 });
    expect(await stats()).toEqual({ total: 40, pending: 40 });
  });

  it('skips, as INVALID_PHONE, stored phones that are not E.164 (written around the API), and only those', async () => {
    const w = await world({ contacts: 3, phoneOffset: 7800 });
    const c = await api(w).create();
    const db = t.app.get(DataSource);
    const [{ workspace_id: ws }] = await db.query(`SELECT workspace_id FROM campaigns WHERE id = $1`, [c.id]);
    // The materialisation's check without a regex must answer as `^\+[1-9][0-9]{6,14}$` does.
    const phones = ['+1234567', '+123456789012345', '+123456', '+1234567890123456', '+0123456789', '12025550123', '+1202555012a', '+1\u06632025550', '+12025550123 '];
    for (const phone of phones) {
      const [{ id }] = await db.query(
        `INSERT INTO contacts (id, workspace_id, phone, opted_out, created_at, updated_at) VALUES (gen_random_uuid(), $1, $2, false, now(), now()) RETURNING id`,
        [ws, phone],
      );
      await db.query(`INSERT INTO group_members (group_id, contact_id) VALUES ($1, $2)`, [w.groupId, id]);
    }
    const spec = { workspaceId: ws, groupIds: [w.groupId], sourceIds: [] };
    const queries = t.app.get(QueryBus);
    const whole = await queries.execute(new BuildAudienceSelectQuery(spec, 2));
    await t.app.get(RecipientLedger).materialise(c.id, 'k', [whole], whole);
    const rows: Array<{ phone: string; status: string; error_code: string | null }> = await db.query(
      `SELECT phone, status, error_code FROM campaign_recipients WHERE campaign_id = $1`,
      [c.id],
    );
    const skipped = rows.filter((r) => r.error_code === 'INVALID_PHONE').map((r) => r.phone).sort();
    expect(skipped).toEqual(phones.filter((p) => !/^\+[1-9][0-9]{6,14}$/.test(p)).sort());
    expect(rows.filter((r) => r.status === 'pending')).toHaveLength(3 + 2);
  });

  it('materialises slice by slice: each slice numbers its rows from a block of its own, and the counters match the rows', async () => {
    const w = await world({ contacts: 40, phoneOffset: 7900 });
    const c = await api(w).create();
    const db = t.app.get(DataSource);
    const [{ workspace_id: ws }] = await db.query(`SELECT workspace_id FROM campaigns WHERE id = $1`, [c.id]);
    // Skipped rows in every slice: an opted-out contact and an invalid phone on each side of the id space.
    for (const [id, phone, optedOut] of [
      ['00000000-0000-4000-8000-000000000001', '+13035557901', true],
      ['00000000-0000-4000-8000-000000000002', '13035557902', false],
      ['ffffffff-0000-4000-8000-000000000001', '+13035557903', true],
      ['ffffffff-0000-4000-8000-000000000002', '+0303555790', false],
    ] as const) {
      await db.query(`INSERT INTO contacts (id, workspace_id, phone, opted_out, created_at, updated_at) VALUES ($1, $2, $3, $4, now(), now())`, [id, ws, phone, optedOut]);
      await db.query(`INSERT INTO group_members (group_id, contact_id) VALUES ($1, $2)`, [w.groupId, id]);
    }
    const spec = { workspaceId: ws, groupIds: [w.groupId], sourceIds: [] };
    const queries = t.app.get(QueryBus);
    const select = (range?: [string, string]) => queries.execute(new BuildAudienceSelectQuery(spec, 2, range));
    const slices = await Promise.all(contactIdSlices(2).map(select));
    const landed = await t.app.get(RecipientLedger).materialise(c.id, 'k1', slices, await select());
    expect(landed).toEqual({ total: 44 });

    const seqs: number[] = (await db.query(`SELECT seq FROM campaign_recipients WHERE campaign_id = $1 ORDER BY seq`, [c.id])).map((r: { seq: string }) => Number(r.seq));
    const runs = seqs.reduce<number[][]>((acc, seq) => {
      const run = acc[acc.length - 1];
      if (run && seq === run[run.length - 1] + 1) run.push(seq);
      else acc.push([seq]);
      return acc;
    }, []);
    expect(runs).toHaveLength(2);
    expect(runs[1][0] - runs[0][0]).toBeGreaterThanOrEqual(2 ** 32);

    const stats = async () => (await db.query(`SELECT total, pending, skipped FROM campaign_stats WHERE campaign_id = $1`, [c.id]))[0];
    const counted = async () =>
      (await db.query(
        `SELECT count(*)::int AS total, (count(*) FILTER (WHERE status = 'pending'))::int AS pending, (count(*) FILTER (WHERE status = 'skipped'))::int AS skipped
           FROM campaign_recipients WHERE campaign_id = $1`,
        [c.id],
      ))[0];
    expect(await stats()).toEqual({ total: 44, pending: 40, skipped: 4 });
    expect(await counted()).toEqual(await stats());

    // Again after the audience grew (only the new contacts are inserted): the old skipped rows are not counted twice.
    await db.query(`INSERT INTO contacts (id, workspace_id, phone, opted_out, created_at, updated_at) VALUES ('80000000-0000-4000-8000-000000000001', $1, '+13035557904', true, now(), now())`, [ws]);
    await db.query(`INSERT INTO group_members (group_id, contact_id) VALUES ($1, '80000000-0000-4000-8000-000000000001')`, [w.groupId]);
    const grown = await Promise.all(contactIdSlices(2).map(select));
    expect(await t.app.get(RecipientLedger).materialise(c.id, 'k2', grown, await select())).toEqual({ total: 45 });
    expect(await stats()).toEqual({ total: 45, pending: 40, skipped: 5 });
    expect(await counted()).toEqual(await stats());
  });

  it('stop is terminal and leaves the rest pending', async () => {
    const w = await world({ contacts: 300, mps: 100, phoneOffset: 3000 });
    const a = api(w);
    const c = await a.create({ batch_size: 20 });
    await a.action(c.id, 'send').expect(200);
    await eventually(async () => w.sandbox.state.stats().accepted >= 30, { what: '30 sends' });
    expect((await a.action(c.id, 'stop').expect(200)).body.status).toBe('STOPPED');
    await new Promise((r) => setTimeout(r, 1500));
    const accepted = w.sandbox.state.stats().accepted;
    await new Promise((r) => setTimeout(r, 1000));
    expect(w.sandbox.state.stats().accepted).toBe(accepted);
    const after = await a.until(c.id, (x) => x.stats.sent === accepted, 'stats of drained sends');
    expect(after.status).toBe('STOPPED');
    expect(after.stats.pending).toBe(300 - accepted);
    expect((await a.action(c.id, 'resume').expect(400)).body.code).toBe('INVALID_TRANSITION');
  });

  it('a large campaign is pumped by two pumps at once, each holding its own lease, and nobody is messaged twice', async () => {
    const w = await world({ contacts: 600, mps: 200, phoneOffset: 8600 });
    const a = api(w);
    const c = await a.create({ batch_size: 20 });
    const db = t.app.get(DataSource);
    await a.action(c.id, 'send').expect(200);
    let most = 0;
    await eventually(
      async () => {
        const [r] = await db.query(`SELECT count(*)::int AS n FROM dispatch_leases WHERE campaign_id = $1`, [c.id]);
        most = Math.max(most, r.n);
        return (await a.get(c.id)).status === 'COMPLETED';
      },
      { timeoutMs: 60_000, intervalMs: 20, what: 'completion' },
    );
    expect(most).toBe(2);
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: 600, recipients_messaged_more_than_once: 0 });
    // Leases end with their pumps: the pump that did not complete the campaign may still be closing its own.
    await eventually(
      async () => (await db.query(`SELECT count(*)::int AS n FROM dispatch_leases WHERE campaign_id = $1`, [c.id]))[0].n === 0,
      { timeoutMs: 10_000, intervalMs: 50, what: 'both leases to end' },
    );
  });

  it('a campaign scheduled a few seconds ahead starts on its own', async () => {
    const w = await world({ contacts: 20, phoneOffset: 4000 });
    const a = api(w);
    const at = new Date(Date.now() + 3000);
    const c = await a.create({ scheduled_at: at.toISOString() });
    expect(c.status).toBe('SCHEDULED');
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED', 'scheduled start and completion');
    expect(Date.parse((done as unknown as { started_at: string }).started_at)).toBeGreaterThanOrEqual(at.getTime());
    expect(done.stats).toMatchObject({ total: 20, sent: 20 });
  });

  it('a start discovered too late pauses with SCHEDULE_MISSED instead of sending', async () => {
    const w = await world({ contacts: 5, phoneOffset: 4500 });
    const a = api(w);
    const c = await a.create({ scheduled_at: new Date(Date.now() + 60_000).toISOString() });
    // As after an outage: the start time passed long ago and its job never ran.
    await t.app.get(DataSource).query(`UPDATE campaigns SET scheduled_at = now() - interval '2 hours' WHERE id = $1`, [c.id]);
    const paused = await a.until(c.id, (x) => x.status === 'PAUSED', 'missed schedule');
    expect(paused.pause_reason).toBe('SCHEDULE_MISSED');
    expect(w.sandbox.state.stats().accepted).toBe(0);
  });

  it('rescheduling replaces the old start', async () => {
    const w = await world({ contacts: 5, phoneOffset: 4600 });
    const a = api(w);
    const c = await a.create({ scheduled_at: new Date(Date.now() + 2000).toISOString() });
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await a.action(c.id, 'schedule', { scheduled_at: later }).expect(200);
    await new Promise((r) => setTimeout(r, 3500));
    expect(await a.get(c.id)).toMatchObject({ status: 'SCHEDULED' });
    expect(w.sandbox.state.stats().accepted).toBe(0);
  });

  it('a template disabled mid-flight fails the campaign', async () => {
    const w = await world({ contacts: 400, mps: 50, phoneOffset: 5000 });
    const a = api(w);
    const c = await a.create({ batch_size: 10 });
    await a.action(c.id, 'send').expect(200);
    await eventually(async () => w.sandbox.state.stats().accepted >= 20, { what: 'some sends' });
    await fetch(`${w.sandbox.url}/__sandbox/templates/${w.metaTemplateId}/status`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'DISABLED', reason: 'POLICY' }),
    }).then((r) => expect(r.ok).toBe(true));
    const failed = await a.until(c.id, (x) => x.status === 'FAILED', 'campaign failed');
    expect(failed.failure_reason).toMatch(/disabled/i);
    const tpl = await t.http().set(w.key.auth).get(`${API}/templates/${w.templateId}`).expect(200);
    expect(tpl.body.status).toBe('DISABLED');
    expect(failed.stats.pending).toBeGreaterThan(0);
  });

  it('a campaign-fatal error from WhatsApp fails the campaign; a paused template auto-pauses it', async () => {
    const w = await world({ contacts: 40, mps: 20, phoneOffset: 6000 });
    const a = api(w);
    // Revoked token: Meta answers 190, fatal for the whole campaign.
    await fetch(`${w.sandbox.url}/__sandbox/config`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ access_token: 'rotated' }) });
    const c = await a.create();
    await a.action(c.id, 'send').expect(200);
    const failed = await a.until(c.id, (x) => x.status === 'FAILED', 'fatal failure');
    expect(failed.failure_reason).toMatch(/^190/);

    const w2 = await world({ contacts: 40, mps: 20, phoneOffset: 6100, sandbox: { scenarios: [{ match: { suffix: '10' }, error_code: 132015 }] } });
    const a2 = api(w2);
    const c2 = await a2.create({ batch_size: 5 });
    await a2.action(c2.id, 'send').expect(200);
    const paused = await a2.until(c2.id, (x) => x.status === 'PAUSED', 'auto-pause');
    expect(paused.pause_reason).toBe('TEMPLATE_PAUSED');
  });

  it('50 concurrent lifecycle calls on one campaign: only legal transitions, losers get 400 or 409', async () => {
    const w = await world({ contacts: 200, mps: 20, phoneOffset: 7000 });
    const a = api(w);
    const c = await a.create();
    const actions = ['send', 'pause', 'resume', 'stop', 'pause'];
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => a.action(c.id, actions[i % actions.length])));
    for (const r of results) expect([200, 400, 409]).toContain(r.status);
    for (const r of results.filter((x) => x.status !== 200)) expect(['INVALID_TRANSITION', 'CONCURRENT_TRANSITION', 'TEMPLATE_NOT_APPROVED']).toContain(r.body.code);
    expect(results.filter((r) => r.body.code === 'CONCURRENT_TRANSITION').every((r) => r.status === 409)).toBe(true);
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    // The recorded history is a legal walk of the state machine.
    const events: Array<{ type: string }> = await t.app
      .get(DataSource)
      .query(`SELECT type FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [c.id]);
    const legalNext: Record<string, string[]> = {
      DRAFT: ['campaign.started'],
      RUNNING: ['campaign.paused', 'campaign.stopped', 'campaign.completed', 'campaign.failed'],
      PAUSED: ['campaign.resumed', 'campaign.stopped', 'campaign.failed'],
    };
    const after: Record<string, string> = {
      'campaign.started': 'RUNNING',
      'campaign.paused': 'PAUSED',
      'campaign.resumed': 'RUNNING',
      'campaign.stopped': 'STOPPED',
      'campaign.completed': 'COMPLETED',
      'campaign.failed': 'FAILED',
    };
    let state = 'DRAFT';
    // campaign.materialised reports the recipient total; it is no transition.
    for (const e of events.slice(1).filter((x) => x.type !== 'campaign.materialised')) {
      expect(legalNext[state] ?? []).toContain(e.type);
      state = after[e.type];
    }
    expect((await a.get(c.id)).status).toBe(state);
    await a.action(c.id, 'stop');
  });
});
