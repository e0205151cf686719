import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { Job } from 'bull';
import { CampaignStatus, GetCampaignDispatchInfoQuery, StartScheduledCampaignCommand } from '@app/campaign';
import { Env } from '@app/platform';
import { QueryBus } from '@nestjs/cqrs';
import { CampaignJob, DISPATCH_QUEUE, DispatchQueue, JOB, StartJob } from '../dispatch-queue';
import { Dispatcher } from './dispatcher';
import { EngineCommands } from './engine-commands';
import { Materialiser } from './materialiser';
import { Reconciler } from './reconciler';

/** Concurrent pumps per worker process: one per campaign, each with its own HTTP concurrency. */
const PUMP_CONCURRENCY = 8;

@Processor(DISPATCH_QUEUE)
export class DispatchProcessor implements OnApplicationBootstrap {
  private readonly logger = new Logger(DispatchProcessor.name);

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly materialiser: Materialiser,
    private readonly reconciler: Reconciler,
    private readonly engine: EngineCommands,
    private readonly queries: QueryBus,
    private readonly queue: DispatchQueue,
    private readonly env: Env,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.ensureReconcileEvery(this.env.SCHEDULE_SWEEP_INTERVAL_MS);
    // Catch up at once after a restart instead of waiting for the first tick.
    await this.reconciler.run().catch((e) => this.logger.error(`startup sweep failed: ${(e as Error).message}`));
  }

  @Process({ name: JOB.pump, concurrency: PUMP_CONCURRENCY })
  pump(job: Job<CampaignJob>) {
    return this.dispatcher.pump(job.data.campaignId);
  }

  @Process({ name: JOB.materialise, concurrency: 2 })
  materialise(job: Job<CampaignJob>) {
    return this.materialiser.run(job.data.campaignId);
  }

  /** A delayed start whose campaign was since rescheduled, paused or sent is a no-op. */
  @Process({ name: JOB.start, concurrency: 4 })
  async start(job: Job<StartJob>) {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(job.data.campaignId));
    if (info?.status !== CampaignStatus.SCHEDULED || info.scheduledAt?.toISOString() !== job.data.scheduledAt) return;
    await this.engine.run(new StartScheduledCampaignCommand(job.data.campaignId));
  }

  @Process({ name: JOB.reconcile, concurrency: 1 })
  reconcile() {
    return this.reconciler.run();
  }

  @OnQueueFailed()
  onFailed(job: Job, err: Error) {
    this.logger.error(`dispatch job ${job.name} ${job.id} failed: ${err.message}`);
  }
}
