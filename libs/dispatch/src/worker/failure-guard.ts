import { Injectable } from '@nestjs/common';
import { AutoPauseCampaignCommand, CompleteCampaignCommand, FailCampaignCommand } from '@app/campaign';
import { RecipientLedger } from '../database/recipient-ledger';
import { AutoPauseReason } from '../domain/dispatch.errors';
import { EngineCommands } from './engine-commands';

/** Attempts the guard waits for before it judges (fewer when the audience is smaller: then all of it). */
const GUARD_MIN_ATTEMPTS = 100;

/**
 * Stops a campaign whose sends mostly fail from burning the number's quality rating: once enough sends were
 * attempted, a failure rate above the campaign's `max_failure_rate` pauses it with HIGH_FAILURE_RATE. After a
 * resume it judges only the sends made since it paused. A campaign that ends with every attempted send
 * failed ends FAILED, whatever the threshold.
 */
@Injectable()
export class FailureGuard {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly engine: EngineCommands,
  ) {}

  /** Pauses the campaign when its failure rate is over the threshold; answers whether it did. */
  async check(campaignId: string, maxFailureRate: number | null): Promise<boolean> {
    if (maxFailureRate === null) return false;
    const w = await this.ledger.failureWindow(campaignId);
    if (!w || w.pending === 0) return false; // nothing left to protect: the end decides
    const attempted = w.attempted - w.attemptedBase;
    const failed = w.failed - w.failedBase;
    if (attempted <= 0 || attempted < Math.min(GUARD_MIN_ATTEMPTS, w.eligible - w.attemptedBase) || failed / attempted <= maxFailureRate) return false;
    await this.ledger.restartFailureWindow(campaignId, w.attempted, w.failed);
    await this.engine.run(new AutoPauseCampaignCommand(campaignId, AutoPauseReason.HIGH_FAILURE_RATE));
    return true;
  }

  /** Nothing is left to send: COMPLETED, or FAILED when every attempted send failed. */
  async finish(campaignId: string): Promise<void> {
    const w = await this.ledger.failureWindow(campaignId);
    await this.engine.run(
      w && w.attempted > 0 && w.failed === w.attempted
        ? new FailCampaignCommand(campaignId, `ALL_SENDS_FAILED: all ${w.attempted} attempted sends failed`)
        : new CompleteCampaignCommand(campaignId),
    );
  }
}
