import { Injectable, Logger } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { FindCampaignsToReconcileQuery, StartScheduledCampaignCommand } from '@app/campaign';
import { Env } from '@app/platform';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { StatsPublisher } from '../stats-publisher';
import { CampaignLock } from './campaign-lock';
import { Dispatcher } from './dispatcher';
import { EngineCommands } from './engine-commands';

/** Claimed rows not attempted within this long belong to a claimer that died. */
const CLAIM_LEASE_MS = 120_000;

/**
 * The periodic sweep that makes the engine self-healing: whatever Redis or a crash lost (a delayed start
 * job, a pump job, an in-process event), the state in Postgres says what should be happening.
 */
@Injectable()
export class Reconciler {
  private readonly logger = new Logger(Reconciler.name);

  constructor(
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly ledger: RecipientLedger,
    private readonly dispatcher: Dispatcher,
    private readonly stats: StatsPublisher,
    private readonly queue: DispatchQueue,
    private readonly lock: CampaignLock,
    private readonly env: Env,
  ) {}

  async run(): Promise<void> {
    const { dueScheduled, running } = await this.queries.execute(new FindCampaignsToReconcileQuery(new Date()));
    for (const id of dueScheduled) await this.engine.run(new StartScheduledCampaignCommand(id));
    await this.ledger.releaseStale(CLAIM_LEASE_MS);
    this.stats.publish(await this.ledger.failUncertain(this.env.DISPATCH_UNCERTAIN_TIMEOUT_MS));
    for (const id of running) {
      if ((await this.ledger.materialisedAudience(id)) === null) await this.queue.materialise(id);
      else if (!(await this.lock.isHeld(id))) await this.dispatcher.afterPump(id);
    }
    if (dueScheduled.length) this.logger.log(`started ${dueScheduled.length} due scheduled campaign(s)`);
  }
}
