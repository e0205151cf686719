import { Cluster, useCluster } from './support/cluster';
import { expectExactlyOnce, RecoveryBounds, waitForAccepted } from './support/invariants';

/**
 * Redis goes away for a few seconds mid-campaign and comes back, with no worker or API restarted.
 * Without persistence it comes back empty (queues, repeatable sweep, locks, limiter state all gone);
 * with an AOF it comes back as it was. Either way Postgres says what should be happening: sends resume
 * within 10 s of Redis returning and the campaign ends exactly once.
 */
const RECIPIENTS = 5000;
const REDIS_DOWN_MS = 3000;
const RESUME_MS = 10_000;

async function restartRedisMidCampaign(c: Cluster): Promise<void> {
  const { w } = c;
  const api = c.campaigns(w);
  const campaign = await api.launch();
  await waitForAccepted(w, RECIPIENTS * 0.3, 60_000);
  await c.redis.stop();
  await new Promise((r) => setTimeout(r, REDIS_DOWN_MS));
  await c.redis.start();
  const returnedAt = Date.now();
  const bounds = new RecoveryBounds();
  await bounds.sendsResume(w, 'sends after Redis returned', returnedAt, RESUME_MS, 60_000);
  await bounds.completes(api, campaign.id, returnedAt, 120_000);
  await expectExactlyOnce(c, w, campaign.id, { total: RECIPIENTS, bounds });
}

describe('chaos: Redis restarted without persistence mid-campaign', () => {
  const cluster = useCluster({ contacts: RECIPIENTS, workers: 2 });
  it('resumes sending within 10 s of Redis returning empty, exactly once', () => restartRedisMidCampaign(cluster()), 400_000);
});

describe('chaos: Redis with AOF restarted mid-campaign', () => {
  const cluster = useCluster({ contacts: RECIPIENTS, workers: 2, appendonly: true });
  it('resumes sending within 10 s of Redis returning, exactly once', () => restartRedisMidCampaign(cluster()), 400_000);
});
