import { IN_FLIGHT_WINDOW, useCluster } from './support/cluster';
import { expectExactlyOnce, RecoveryBounds, waitForAccepted } from './support/invariants';

/**
 * The pumping worker is SIGKILLed three times during one campaign while a second worker runs. Each time
 * the survivor must take the campaign over within 30 s (no replacement is started until it has), and in
 * the end nobody is messaged twice; only calls cut off by a kill may end DISPATCH_UNCERTAIN.
 */
describe('chaos: worker SIGKILL ×3 with two workers', () => {
  const RECIPIENTS = 5000;
  const KILLS = 3;
  // 100 msg/s keeps the campaign sending for ~50 s: long enough for three kills, each followed by a
  // replacement worker's start (ts-node takes a while), before the last recipients are reached.
  const cluster = useCluster({ contacts: RECIPIENTS, workers: 2, mps: 100 });

  it('is taken over after each kill and ends exactly once', async () => {
    const c = cluster();
    const { w } = c;
    const api = c.campaigns(w);
    const campaign = await api.launch();

    const bounds = new RecoveryBounds();
    for (let k = 1; k <= KILLS; k++) {
      await waitForAccepted(w, (k * RECIPIENTS) / (KILLS + 2), 60_000);
      const victim = await c.pumpingWorker(campaign.id);
      await victim.kill();
      const killedAt = Date.now();
      // What the kernel had already delivered to the sandbox can land a moment after the kill.
      await bounds.sendsResume(w, `takeover after kill ${k}`, killedAt + 500, 30_000, 150_000);
      await c.startWorker();
    }

    await bounds.completes(api, campaign.id, Date.now(), 240_000);
    await expectExactlyOnce(c, w, campaign.id, { total: RECIPIENTS, uncertainAtMost: IN_FLIGHT_WINDOW * KILLS, bounds });
  }, 600_000);
});
