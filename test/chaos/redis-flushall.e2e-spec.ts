import { useCluster } from './support/cluster';
import { expectExactlyOnce, firstSendAfter, RecoveryBounds } from './support/invariants';

/**
 * FLUSHALL while a campaign is SCHEDULED a little ahead: the delayed start job and the repeatable sweep
 * are gone from Redis, nothing is restarted. The start must still fire within 10 s of its time (the
 * sweep rebuilds from Postgres), never before it, and the campaign ends exactly once.
 */
describe('chaos: FLUSHALL while a campaign is SCHEDULED', () => {
  const RECIPIENTS = 5000;
  const AHEAD_MS = 18_000;
  const cluster = useCluster({ contacts: RECIPIENTS, workers: 2 });

  it('starts within 10 s of its scheduled time after FLUSHALL, exactly once', async () => {
    const c = cluster();
    const { w } = c;
    const api = c.campaigns(w);
    const at = Date.now() + AHEAD_MS;
    const campaign = await api.create({ scheduled_at: new Date(at).toISOString() });
    expect(campaign.status).toBe('SCHEDULED');
    // Long enough for the start job to be in Redis, well before it is due.
    await new Promise((r) => setTimeout(r, 3000));
    await c.redis.flushAll();

    const bounds = new RecoveryBounds();
    await bounds.sendsResume(w, 'scheduled start after FLUSHALL', at, 10_000, 60_000);
    await bounds.completes(api, campaign.id, at, 150_000);
    await expectExactlyOnce(c, w, campaign.id, { total: RECIPIENTS, bounds });
    expect(firstSendAfter(w, 0)).toBeGreaterThanOrEqual(at);
  }, 400_000);
});
