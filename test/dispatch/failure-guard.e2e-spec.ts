import { randomUUID } from 'node:crypto';
import { API, createWorkspaceKey } from '../support/app';
import { CampaignBody as Campaign, engineSuite } from '../support/campaign-api';
import { World } from '../support/world';

/** Every send refused with 131026 (undeliverable): a permanent, per-recipient failure. */
const ALL_FAIL = { scenarios: [{ match: { regex: '.*' }, error_code: 131026 }] };

/** A campaign whose sends mostly fail stops spending the number's reputation: it pauses, or ends FAILED. */
describe('failure guard (e2e)', () => {
  const suite = engineSuite({ SCHEDULE_SWEEP_INTERVAL_MS: '1000' });
  const { world, api } = suite;

  const events = async (id: string) => (await suite.db.query(`SELECT type, payload FROM outbox_events WHERE aggregate_id = $1 ORDER BY seq`, [id])) as Array<{ type: string; payload: { campaign: Campaign } }>;

  it('max_failure_rate: 0.5 by default, a fraction 0–1 or null on create and PATCH, shown on GET; anything else is 400', async () => {
    const w = await world({ contacts: 1, phoneOffset: 2000 });
    const a = api(w);
    const plain = await a.created();
    expect(plain.max_failure_rate).toBe(0.5);
    const off = await a.created({ max_failure_rate: null });
    expect(off.max_failure_rate).toBeNull();
    expect((await a.get(off.id)).max_failure_rate).toBeNull();
    const strict = await a.created({ max_failure_rate: 0.05 });
    expect((await a.http().patch(`${API}/campaigns/${strict.id}`).send({ max_failure_rate: 0.2 }).expect(200)).body.max_failure_rate).toBe(0.2);
    expect((await a.http().patch(`${API}/campaigns/${strict.id}`).send({ name: 'renamed' }).expect(200)).body.max_failure_rate).toBe(0.2);
    expect((await a.http().patch(`${API}/campaigns/${strict.id}`).send({ max_failure_rate: null }).expect(200)).body.max_failure_rate).toBeNull();
    for (const bad of [1.5, -0.1, 50, '0.5', true, { rate: 1 }, 'NaN']) {
      const res = await a.create({ max_failure_rate: bad }).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body)).toContain('max_failure_rate');
      await a.http().patch(`${API}/campaigns/${plain.id}`).send({ max_failure_rate: bad }).expect(400);
    }
    // Another workspace's campaign is not there to be edited.
    const stranger = await createWorkspaceKey(suite.app);
    await suite.app.http().set(stranger.auth).patch(`${API}/campaigns/${plain.id}`).send({ max_failure_rate: 0.9 }).expect(404);
    await suite.app.http().set(stranger.auth).patch(`${API}/campaigns/${randomUUID()}`).send({ max_failure_rate: 0.9 }).expect(404);
    expect((await a.get(plain.id)).max_failure_rate).toBe(0.5);
  });

  it('pauses with HIGH_FAILURE_RATE once 100 attempts failed above the rate; a resume gets a fresh window; all failed ends FAILED', async () => {
    const w = await world({ contacts: 150, mps: 50, phoneOffset: 2100, sandbox: ALL_FAIL });
    const a = api(w);
    const c = await a.created({ batch_size: 10 });
    await a.action(c.id, 'send').expect(200);
    const paused = await a.until(c.id, (x) => x.status === 'PAUSED', 'the failure guard');
    expect(paused.pause_reason).toBe('HIGH_FAILURE_RATE');
    expect(paused.stats.failed).toBeGreaterThanOrEqual(100);
    expect(paused.stats.pending).toBeGreaterThan(0);
    const pausedEvent = (await events(c.id)).find((e) => e.type === 'campaign.paused');
    expect(pausedEvent?.payload.campaign).toMatchObject({ status: 'PAUSED', pause_reason: 'HIGH_FAILURE_RATE' });

    // Resumable: the rest is attempted (a fresh window smaller than the remaining audience is never reached), and with
    // every attempt failed the campaign ends FAILED rather than COMPLETED.
    await a.action(c.id, 'resume').expect(200);
    const failed = await a.until(c.id, (x) => x.status === 'FAILED', 'the end of the campaign');
    expect(failed.stats).toMatchObject({ total: 150, failed: 150, sent: 0, pending: 0 });
    expect(failed.failure_reason).toBe('ALL_SENDS_FAILED: all 150 attempted sends failed');
    expect((await events(c.id)).map((e) => e.type)).toEqual([
      'campaign.created', 'campaign.started', 'campaign.materialised', 'campaign.paused', 'campaign.resumed', 'campaign.failed',
    ]);
  });

  it('with max_failure_rate null it never pauses, and still ends FAILED when every send failed', async () => {
    const w = await world({ contacts: 120, mps: 200, phoneOffset: 2400, sandbox: ALL_FAIL });
    const a = api(w);
    const c = await a.created({ batch_size: 20, max_failure_rate: null });
    await a.action(c.id, 'send').expect(200);
    const failed = await a.until(c.id, (x) => x.status === 'FAILED', 'the end of the campaign');
    expect(failed.failure_reason).toBe('ALL_SENDS_FAILED: all 120 attempted sends failed');
    expect((await events(c.id)).map((e) => e.type)).not.toContain('campaign.paused');
  });

  it('a failure rate under the threshold completes', async () => {
    // 9 of 20 fail (45 %): under 50 %, the campaign completes.
    const w = await world({ contacts: 20, mps: 100, phoneOffset: 2600, sandbox: { scenarios: [{ match: { regex: '(0[0-8])$' }, error_code: 131026 }] } });
    const a = api(w);
    const c = await a.created({ batch_size: 5 });
    await a.action(c.id, 'send').expect(200);
    const done = await a.until(c.id, (x) => ['COMPLETED', 'FAILED', 'PAUSED'].includes(x.status), 'the end of the campaign');
    expect(done).toMatchObject({ status: 'COMPLETED', stats: expect.objectContaining({ failed: 9, sent: 11 }) });
  });
});
