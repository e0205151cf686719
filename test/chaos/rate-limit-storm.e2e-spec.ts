import { useCluster } from './support/cluster';
import { expectExactlyOnce, RecoveryBounds } from './support/invariants';
import { phoneFor } from '../support/world';

/**
 * A throttling storm: the first attempt to 20 % of recipients answers 130429 (channel throughput) and to
 * another 10 % 131056 (pair rate limit); every retry succeeds. Those are definitive "not sent" answers:
 * each recipient is retried and messaged exactly once, none is failed as uncertain, and the campaign
 * finishes within 3× the time the same campaign takes without errors (measured first, on the same cluster).
 */
describe('chaos: 130429 / 131056 storm', () => {
  const RECIPIENTS = 5000;
  const cluster = useCluster({ contacts: RECIPIENTS, workers: 2 });

  it('retries each throttled recipient once more, exactly once, within 3× the error-free time', async () => {
    const c = cluster();
    const errorFree = await c.campaigns(c.w).launch();
    const baseline = new RecoveryBounds();
    const errorFreeMs = (await baseline.completes(c.campaigns(c.w), errorFree.id, Date.now(), 120_000)) ?? Infinity;
    await expectExactlyOnce(c, c.w, errorFree.id, { total: RECIPIENTS, bounds: baseline });

    const storm = await c.world();
    // One scenario per recipient, used once: only that recipient's first attempt is refused.
    const firstAttempt = (code: number, i: number) => ({ match: { phone: phoneFor(i) }, error_code: code, times: 1 });
    const scenarios = Array.from({ length: RECIPIENTS }, (_, i) => (i % 10 < 2 ? firstAttempt(130429, i) : i % 10 === 2 ? firstAttempt(131056, i) : null)).filter(Boolean);
    const res = await fetch(`${storm.sandbox.url}/__sandbox/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenarios) });
    expect(res.status).toBe(201);

    const bounds = new RecoveryBounds();
    const api = c.campaigns(storm);
    const started = Date.now();
    const campaign = await api.launch();
    // Waiting much past the bound would only make a failing run slower; the report shows where it stood.
    await bounds.completes(api, campaign.id, started, 3 * errorFreeMs + 30_000, 3 * errorFreeMs);
    await expectExactlyOnce(c, storm, campaign.id, { total: RECIPIENTS, bounds });
    // Proof the storm happened as designed: every scenario was used, once.
    expect(storm.sandbox.state.stats().rejected).toEqual({ '130429': RECIPIENTS * 0.2, '131056': RECIPIENTS * 0.1 });
  }, 600_000);
});
