import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CampaignStatus, GetCampaignDispatchInfoQuery } from '@app/campaign';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { CampaignLock } from './campaign-lock';
import { FailureGuard } from './failure-guard';

/**
 * What a running campaign needs next, after a pump slice or when the sweep finds it idle: finish it when
 * nothing is left, pause it when too many sends failed, pump now if work is due, or come back when the
 * earliest delayed retry falls due. Rows still `sending` are settled by webhooks or the sweep.
 */
@Injectable()
export class CampaignProgress {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly guard: FailureGuard,
    private readonly lock: CampaignLock,
    private readonly queue: DispatchQueue,
  ) {}

  async advance(campaignId: string): Promise<void> {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(campaignId));
    if (info?.status !== CampaignStatus.RUNNING) return;
    const progress = await this.ledger.progress(campaignId);
    if (progress.open === 0) {
      // Another pump may still hold outcomes (rendered variables) of rows a fast status webhook already
      // settled: the campaign ends only once the ledger is final, when that pump ends (or its slot expires).
      if (await this.lock.isHeld(campaignId)) return;
      return this.guard.finish(campaignId);
    }
    if (await this.guard.check(campaignId, info.maxFailureRate)) return;
    if (progress.dueNow > 0) await this.queue.kick(campaignId);
    else if (progress.nextAttemptAt) await this.queue.kick(campaignId, progress.nextAttemptAt.getTime() - Date.now());
  }
}
