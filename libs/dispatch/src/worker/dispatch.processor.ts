import { OnQueueFailed, Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bull';
import { CampaignStatus, GetCampaignDispatchInfoQuery, StartScheduledCampaignCommand } from '@app/campaign';
import { Env, PollLoop } from '@app/platform';
import { QueryBus } from '@nestjs/cqrs';
import { CampaignJob, DISPATCH_QUEUE, DispatchQueue, JOB, StartJob } from '../dispatch-queue';
import { Dispatcher } from './dispatcher';
import { EngineCommands } from './engine-commands';
import { Materialiser } from './materialiser';
import { Reconciler } from './reconciler';

/** Concurrent pumps per worker process: one per campaign, each with its own HTTP concurrency. */
const PUMP_CONCURRENCY = 8;
/** How often each worker checks that Redis still holds the engine's state (one GET-sized command). */
const REDIS_CHECK_MS = 2_000;

@Processor(DISPATCH_QUEUE)
export class DispatchProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(DispatchProcessor.name);
  private readonly loops: PollLoop[];

  constructor(
    private readonly dispatcher: Dispatcher,
    private readonly materialiser: Materialiser,
    private readonly reconciler: Reconciler,
    private readonly engine: EngineCommands,
    private readonly queries: QueryBus,
    private readonly queue: DispatchQueue,
    env: Env,
  ) {
    // The first sweep runs at start: a restarted worker catches up at once instead of after a tick.
    this.loops = [
      new PollLoop('dispatch sweep', env.SCHEDULE_SWEEP_INTERVAL_MS, () => this.reconciler.run(), this.logger),
      new PollLoop('redis state check', REDIS_CHECK_MS, () => this.reconciler.repairRedis(), this.logger),
    ];
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.dropRepeatableJobs();
    for (const loop of this.loops) loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.loops.map((l) => l.stop()));
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

  @OnQueueFailed()
  onFailed(job: Job, err: Error) {
    this.logger.error(`dispatch job ${job.name} ${job.id} failed: ${err.message}`);
  }
}
