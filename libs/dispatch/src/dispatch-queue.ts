import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';
import { RedisService, watchQueue } from '@app/platform';

export const DISPATCH_QUEUE = 'dispatch';
export const JOB = { materialise: 'materialise', start: 'start', pump: 'pump' } as const;

export interface CampaignJob {
  campaignId: string;
}
export interface StartJob extends CampaignJob {
  scheduledAt: string;
}

/**
 * Producer side of the dispatch queue, used by both the API (through the saga's commands) and the worker.
 * Jobs are only triggers: the truth is in Postgres, and the worker's sweep recreates any that Redis lost.
 */
@Injectable()
export class DispatchQueue {
  constructor(
    @InjectQueue(DISPATCH_QUEUE) private readonly queue: Queue,
    private readonly redis: RedisService,
  ) {
    watchQueue(queue);
  }

  private readonly opts = { removeOnComplete: true, removeOnFail: 100, attempts: 3, backoff: { type: 'exponential', delay: 1000 } };

  materialise(campaignId: string) {
    return this.queue.add(JOB.materialise, { campaignId } satisfies CampaignJob, this.opts);
  }

  /** Starts (or resumes) a campaign's pump now or after `delayMs`; a pump already running makes it a no-op. */
  kick(campaignId: string, delayMs = 0) {
    return this.queue.add(JOB.pump, { campaignId } satisfies CampaignJob, { ...this.opts, attempts: 1, delay: Math.max(0, delayMs) });
  }

  /** Replaces the campaign's pending start job, so a reschedule never leaves the old start behind. */
  async scheduleStart(campaignId: string, scheduledAt: Date) {
    await this.cancelStart(campaignId);
    const job = await this.queue.add(JOB.start, { campaignId, scheduledAt: scheduledAt.toISOString() } satisfies StartJob, {
      ...this.opts,
      delay: Math.max(0, scheduledAt.getTime() - Date.now()),
    });
    await this.redis.client.set(this.redis.key('start-job', campaignId), String(job.id), 'PX', Math.max(60_000, scheduledAt.getTime() - Date.now() + 86_400_000));
  }

  async cancelStart(campaignId: string) {
    const key = this.redis.key('start-job', campaignId);
    const previous = await this.redis.client.getdel(key);
    if (previous) await (await this.queue.getJob(previous))?.remove().catch(() => undefined);
  }

  /** Earlier versions swept through a repeatable job; the sweep is now each worker's own timer. */
  async dropRepeatableJobs() {
    for (const r of await this.queue.getRepeatableJobs()) await this.queue.removeRepeatableByKey(r.key);
  }
}
