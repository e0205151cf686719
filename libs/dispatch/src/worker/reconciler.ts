import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindCampaignsToReconcileQuery, ListScheduledStartsQuery, StartScheduledCampaignCommand } from '@app/campaign';
import { Env, RedisService } from '@app/platform';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { CampaignLock } from './campaign-lock';
import { CampaignProgress } from './campaign-progress';
import { WORKER_ID } from './claim-lease';
import { EngineCommands } from './engine-commands';

/**
 * The periodic sweep that makes the engine self-healing: whatever Redis or a crash lost (a delayed start
 * job, a pump job, a dead pump's claims, an in-process event), the state in Postgres says what should be
 * happening. Every worker runs it on its own timer; each step is idempotent, so two workers sweeping at
 * once only repeat each other.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly ledger: RecipientLedger,
    private readonly progress: CampaignProgress,
    private readonly queue: DispatchQueue,
    private readonly lock: CampaignLock,
    private readonly redis: RedisService,
    private readonly env: Env,
  ) {}

  async run(): Promise<void> {
    const { dueScheduled, running } = await this.queries.execute(new FindCampaignsToReconcileQuery(new Date()));
    for (const id of dueScheduled) await this.engine.run(new StartScheduledCampaignCommand(id));
    await this.ledger.releaseExpiredClaims();
    await this.ledger.failUncertain(this.env.DISPATCH_UNCERTAIN_TIMEOUT_MS);
    for (const id of running) {
      if ((await this.ledger.materialisedAudience(id)) === null) await this.queue.materialise(id);
      else if (!(await this.lock.isHeld(id))) await this.progress.advance(id);
    }
    if (dueScheduled.length) this.logger.log(`started ${dueScheduled.length} due scheduled campaign(s)`);
  }

  /**
   * Notices Redis coming back empty (restarted without persistence, flushed, replaced): a marker key that
   * only the engine writes is gone. Then the delayed start jobs are rebuilt from Postgres and a sweep runs
   * at once, so scheduled campaigns start on time and running ones resume without any process restarting.
   */
  async repairRedis(): Promise<void> {
    const marker = this.redis.key('engine-state');
    if ((await this.redis.client.set(marker, WORKER_ID, 'NX')) !== 'OK') return;
    try {
      const starts = await this.queries.execute(new ListScheduledStartsQuery());
      for (const s of starts) await this.queue.scheduleStart(s.id, s.scheduledAt);
      await this.run();
      this.logger.warn(`Redis held no engine state: rebuilt ${starts.length} scheduled start(s) and swept running campaigns`);
    } catch (e) {
      await this.redis.client.del(marker).catch(() => undefined); // the next check tries again
      throw e;
    }
  }
}
