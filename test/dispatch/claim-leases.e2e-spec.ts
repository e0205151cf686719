import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { RecipientLedger } from '../../libs/dispatch/src/database/recipient-ledger';
import { createTestApp, TestApp } from '../support/app';

/**
 * Fenced claims against the real ledger: a lease that expired (its pump froze or died) can no longer move
 * its rows to `sending`, its rows go to another pump, and the old holder can neither send nor release them.
 */
describe('claim leases (e2e)', () => {
  let t: TestApp;
  let db: DataSource;
  let ledger: RecipientLedger;
  const campaignId = randomUUID();
  const other = randomUUID();
  const seed = (id: string, n: number) =>
    db.query(
      `INSERT INTO campaign_recipients (id, campaign_id, contact_id, phone, status)
       SELECT gen_random_uuid(), $1, gen_random_uuid(), '+1202555' || lpad(i::text, 4, '0'), 'pending' FROM generate_series(1, $2::int) i`,
      [id, n],
    );

  beforeAll(async () => {
    t = await createTestApp();
    db = t.app.get(DataSource);
    ledger = t.app.get(RecipientLedger);
    await seed(campaignId, 10);
    await seed(other, 2);
    // Seeded behind the ledger's back: counted once, then every ledger write must keep the counters exact.
    for (const id of [campaignId, other]) await ledger.recountStats(id);
  });
  afterAll(async () => {
    // The counters each write moved in its own statement equal a recount of the rows.
    for (const id of [campaignId, other]) {
      const [kept] = await db.query(`SELECT total, sent, delivered, read, failed, pending, skipped FROM campaign_stats WHERE campaign_id = $1`, [id]);
      await ledger.recountStats(id);
      const [recounted] = await db.query(`SELECT total, sent, delivered, read, failed, pending, skipped FROM campaign_stats WHERE campaign_id = $1`, [id]);
      expect(kept).toEqual(recounted);
    }
    await db.query(`DELETE FROM campaign_recipients WHERE campaign_id = ANY($1)`, [[campaignId, other]]);
    await t.close();
  });

  const counters = async (id: string): Promise<Record<string, number>> =>
    (await db.query(`SELECT total, sent, delivered, read, failed, pending, skipped FROM campaign_stats WHERE campaign_id = $1`, [id]))[0];
  /** How one ledger write moved a campaign's counters (only the counters that changed). */
  const moved = async (id: string, write: () => Promise<unknown>) => {
    const before = await counters(id);
    await write();
    const after = await counters(id);
    return Object.fromEntries(Object.keys(after).filter((k) => after[k] !== before[k]).map((k) => [k, after[k] - before[k]]));
  };

  const statuses = async () =>
    Object.fromEntries(
      (await db.query(`SELECT status, count(*)::int AS n FROM campaign_recipients WHERE campaign_id = $1 GROUP BY 1`, [campaignId])).map(
        (r: { status: string; n: number }) => [r.status, r.n],
      ),
    );

  it('an expired lease sends nothing; its rows go to the next pump, which alone may send them', async () => {
    const frozen = await ledger.openLease(campaignId, 'frozen-worker', 2000);
    const claimed = await ledger.claim(campaignId, frozen, 4);
    expect(claimed).toHaveLength(4);
    // While live, the holder moves what it claimed, and nothing it didn't.
    const marked = await ledger.markSending([claimed[0].id], frozen);
    expect([...marked]).toEqual([claimed[0].id]);

    await new Promise((r) => setTimeout(r, 2200)); // the holder "froze" past its lease
    expect(await ledger.renewLease(frozen, 2000)).toBe(false);
    expect((await ledger.markSending(claimed.slice(1).map((c) => c.id), frozen)).size).toBe(0);
    expect(await ledger.claim(campaignId, frozen, 10)).toEqual([]);

    // The sweep hands the unsent claims back; the row that may be in flight stays `sending`, never resent.
    await ledger.releaseExpiredClaims();
    expect(await statuses()).toEqual({ pending: 9, sending: 1 });

    const healthy = await ledger.openLease(campaignId, 'healthy-worker', 10_000);
    const taken = await ledger.claim(campaignId, healthy, 10);
    expect(taken.map((c) => c.id)).toEqual(expect.arrayContaining(claimed.slice(1).map((c) => c.id)));
    expect(taken.map((c) => c.id)).not.toContain(claimed[0].id);
    // The woken holder can't touch rows that now belong to someone else.
    expect((await ledger.markSending(taken.map((c) => c.id), frozen)).size).toBe(0);
    await ledger.release(taken.map((c) => c.id), frozen, false);
    expect(await statuses()).toEqual({ queued: 9, sending: 1 });
    expect((await ledger.markSending(taken.map((c) => c.id), healthy)).size).toBe(9);

    // A send that may have left is failed as uncertain only once no live lease covers it.
    expect(await moved(campaignId, () => ledger.failUncertain(0))).toEqual({ pending: -1, failed: 1 });
    await ledger.endLease(healthy);
  });

  it('the woken holder puts a never-called row back even after the sweep failed it as uncertain, unless the campaign completed', async () => {
    const [row] = await db.query(`SELECT id, claim_token FROM campaign_recipients WHERE campaign_id = $1 AND error_code = 'DISPATCH_UNCERTAIN'`, [campaignId]);
    // A completed campaign has nobody pending: the row stays settled.
    expect(await moved(campaignId, () => ledger.release([row.id], row.claim_token, true))).toEqual({});
    expect(await moved(campaignId, () => ledger.release([row.id], row.claim_token, false))).toEqual({ failed: -1, pending: 1 });
    const [after] = await db.query(`SELECT status, error_code, claim_token FROM campaign_recipients WHERE id = $1`, [row.id]);
    expect(after).toEqual({ status: 'pending', error_code: null, claim_token: null });
  });

  it("a definitive answer corrects a row failed as uncertain, and a webhook's faster status keeps the variables", async () => {
    const lease = await ledger.openLease(other, 'w', 10_000);
    const [a, b] = await ledger.claim(other, lease, 2);
    await ledger.markSending([a.id, b.id], lease);
    await db.query(`UPDATE campaign_recipients SET status = 'failed', error_code = 'DISPATCH_UNCERTAIN' WHERE id = $1`, [a.id]);
    await db.query(`UPDATE campaign_recipients SET status = 'delivered', message_id = 'wamid.fast' WHERE id = $1`, [b.id]);
    // Rows changed behind the ledger's back: recounted so the record below is measured alone.
    await ledger.recountStats(other);
    const write = () =>
      ledger.record([
        { id: a.id, status: 'sent' as never, wamid: 'wamid.a', variables: { '1': 'Ana' } },
        { id: b.id, status: 'sent' as never, wamid: 'wamid.fast', variables: { '1': 'Bo' } },
      ]);
    expect(await moved(other, write)).toEqual({ failed: -1, sent: 1 });
    const rows = await db.query(`SELECT id, status, error_code, variables FROM campaign_recipients WHERE id = ANY($1) ORDER BY status DESC`, [[a.id, b.id]]);
    expect(rows).toEqual([
      { id: a.id, status: 'sent', error_code: null, variables: { '1': 'Ana' } },
      { id: b.id, status: 'delivered', error_code: null, variables: { '1': 'Bo' } },
    ]);
    await ledger.endLease(lease);
  });
});
