import { API } from '../support/app';
import { engineSuite, RecipientBody } from '../support/campaign-api';
import { eventually, phoneFor, World } from '../support/world';
import { parseCsv } from '../analytics/helpers';

/** What the ledger records is what happened: who was (not) messaged, with which variables, and the counters that sum it up. */
describe('recipient ledger honesty (e2e)', () => {
  const suite = engineSuite({ SCHEDULE_SWEEP_INTERVAL_MS: '1000' });
  const { world, api } = suite;

  /** A paused campaign's in-flight sends have settled: nothing claimed or in flight, and every accepted message recorded. */
  const drained = (w: World, campaignId: string) =>
    eventually(async () => {
      const [r] = await suite.db.query(
        `SELECT count(*) FILTER (WHERE status IN ('queued', 'sending'))::int AS busy, count(*) FILTER (WHERE message_id IS NOT NULL)::int AS sent
           FROM campaign_recipients WHERE campaign_id = $1`,
        [campaignId],
      );
      return r.busy === 0 && r.sent === w.sandbox.state.stats().accepted;
    }, { what: 'drained sends' });

  /** A campaign over the world's group, paused (and drained) once `sends` messages were accepted. */
  const pausedAfter = async (w: World, sends: number) => {
    const a = api(w);
    const c = await a.created({ batch_size: 2 });
    await a.action(c.id, 'send').expect(200);
    await eventually(async () => w.sandbox.state.stats().accepted >= sends, { what: 'first sends' });
    await a.action(c.id, 'pause').expect(200);
    await drained(w, c.id);
    return { a, c };
  };

  it('an audience replaced while paused: removed contacts not yet attempted are skipped as REMOVED_FROM_AUDIENCE, never messaged', async () => {
    const w = await world({ contacts: 20, mps: 4, phoneOffset: 100 });
    const { a, c } = await pausedAfter(w, 4);
    const before = await a.get(c.id);
    const sentBefore = before.stats.sent;
    expect(sentBefore).toBeGreaterThanOrEqual(4);
    expect(sentBefore).toBeLessThan(15);

    // The new audience: 3 members of the old one still waiting, 1 already messaged, and 2 new contacts.
    const rows: Array<{ contact_id: string; status: string }> = await suite.db.query(
      `SELECT contact_id, status FROM campaign_recipients WHERE campaign_id = $1 ORDER BY seq`,
      [c.id],
    );
    const waiting = rows.filter((r) => r.status === 'pending').map((r) => r.contact_id);
    const messaged = rows.filter((r) => r.status !== 'pending').map((r) => r.contact_id);
    const keep = [...waiting.slice(0, 3), messaged[0]];
    const group = (await a.http().post(`${API}/groups`).send({ name: 'smaller' }).expect(201)).body.id as string;
    await a.http().post(`${API}/groups/${group}/members`).send({ contact_ids: keep }).expect(200);
    const fresh = [0, 1].map((i) => ({ phone: phoneFor(190 + i), first_name: `New${i}`, custom_fields: { order_id: `N${i}` } }));
    expect((await a.http().post(`${API}/contacts/bulk`).send({ contacts: fresh, group_ids: [group] }).expect(200)).body.failed).toEqual([]);
    await a.http().put(`${API}/campaigns/${c.id}/audience`).send({ groups: [group] }).expect(200);
    const preview = (await a.http().get(`${API}/campaigns/${c.id}/audience/preview`).expect(200)).body;
    expect(preview.total).toBe(6);

    await a.action(c.id, 'resume').expect(200);
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED', 'completion over the new audience');
    const removed = 20 - sentBefore - 3;
    // Everyone messaged before the change, plus the 3 kept and the 2 new ones; the others never.
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: sentBefore + 5, recipients_messaged_more_than_once: 0 });
    const messagedPhones = new Set(w.sandbox.state.messages.map((m) => m.to));
    expect(messagedPhones.has(fresh[0].phone) && messagedPhones.has(fresh[1].phone)).toBe(true);
    // The preview's 6, plus those messaged before the change who are no longer in the audience.
    expect(done.total_recipients).toBe(sentBefore + 5);
    expect(done.stats).toMatchObject({ total: sentBefore + 5, pending: 0, skipped: 0, failed: 0 });
    expect(done.stats.sent).toBe(sentBefore + 5);

    // The ledger keeps the removed ones, skipped with their reason.
    const listed = await a.recipients(c.id);
    expect(listed).toHaveLength(sentBefore + 5 + removed);
    const skipped = listed.filter((r) => r.status === 'skipped');
    expect(skipped).toHaveLength(removed);
    expect(new Set(skipped.map((r) => r.error_code))).toEqual(new Set(['REMOVED_FROM_AUDIENCE']));
    for (const r of skipped) expect(messagedPhones.has(r.phone_number)).toBe(false);

    // A recount from the rows agrees with the counters the writes moved (once the last statuses are in).
    await eventually(async () => w.sandbox.state.webhookBacklog() === 0, { what: 'status webhooks to drain' });
    const kept = (await a.get(c.id)).stats;
    await a.http().post(`${API}/campaigns/${c.id}/refresh-metrics`).send().expect(200);
    expect((await a.get(c.id)).stats).toEqual(kept);
  });

  it('contacts removed while paused and put back before a later resume count again and are messaged once', async () => {
    const w = await world({ contacts: 16, mps: 4, phoneOffset: 300 });
    const { a, c } = await pausedAfter(w, 2);
    const pending: Array<{ contact_id: string }> = await suite.db.query(
      `SELECT contact_id FROM campaign_recipients WHERE campaign_id = $1 AND status = 'pending' ORDER BY seq`,
      [c.id],
    );
    const few = (await a.http().post(`${API}/groups`).send({ name: 'few' }).expect(201)).body.id as string;
    await a.http().post(`${API}/groups/${few}/members`).send({ contact_ids: pending.slice(0, 8).map((r) => r.contact_id) }).expect(200);
    await a.http().put(`${API}/campaigns/${c.id}/audience`).send({ groups: [few] }).expect(200);
    await a.action(c.id, 'resume').expect(200);
    const narrowed = await a.until(c.id, (x) => x.total_recipients === 16 - (pending.length - 8), 'the narrowed audience');
    expect(narrowed.stats).toMatchObject({ total: narrowed.total_recipients, skipped: 0 });
    await a.action(c.id, 'pause').expect(200);

    await a.http().put(`${API}/campaigns/${c.id}/audience`).send({ groups: [w.groupId] }).expect(200);
    await a.action(c.id, 'resume').expect(200);
    const done = await a.until(c.id, (x) => x.status === 'COMPLETED', 'completion over the whole group again');
    expect(done.total_recipients).toBe(16);
    expect(done.stats).toMatchObject({ total: 16, sent: 16, pending: 0, skipped: 0 });
    expect(w.sandbox.state.stats()).toMatchObject({ accepted: 16, recipients: 16, recipients_messaged_more_than_once: 0 });
    expect((await suite.db.query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 AND error_code IS NOT NULL`, [c.id]))[0].n).toBe(0);
  });

  it("keeps every attempted recipient's variables even when status webhooks outrun the send results (JSON and CSV)", async () => {
    const w = await world({ contacts: 600, phoneOffset: 500, sandbox: { statusDelayMs: 0, latencyMs: 0 } });
    const a = api(w);
    const c = await a.created({ batch_size: 50 });
    await a.action(c.id, 'send').expect(200);
    await a.until(c.id, (x) => x.status === 'COMPLETED' && x.stats.read === 600, 'completion with every status in');
    const listed = await a.recipients(c.id);
    expect(listed).toHaveLength(600);
    const expected = (r: RecipientBody) => {
      const i = Number(r.phone_number.slice(-4));
      return { 'header.1': `Name${i}`, 'body.1': `Name${i}`, 'body.2': `ORD-${i}`, 'buttons.0.1': `ORD-${i}` };
    };
    for (const r of listed) {
      expect(r.status).toBe('read');
      expect(r.variables).toEqual(expected(r));
    }
    const [header, ...rows] = parseCsv((await a.http().get(`${API}/campaigns/${c.id}/recipients`).set('Accept', 'text/csv').expect(200)).text);
    const col = (name: string) => header.indexOf(name);
    expect(rows).toHaveLength(600);
    for (const row of rows) {
      const i = Number(row[col('phone_number')].slice(-4));
      expect(JSON.parse(row[col('variables')])).toEqual({ 'header.1': `Name${i}`, 'body.1': `Name${i}`, 'body.2': `ORD-${i}`, 'buttons.0.1': `ORD-${i}` });
    }
  });
});
