import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CampaignStatus, CompleteCampaignCommand, GetCampaignStatusQuery } from '@app/campaign';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { EngineCommands } from './engine-commands';

/**
 * What a running campaign needs next, after a pump slice or when the sweep finds it idle: finish it when
 * nothing is left, pump now if work is due, or come back when the earliest delayed retry falls due. Rows
 * still `sending` are settled by webhooks or the sweep.
 */
@Injectable()
export class CampaignProgress {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly queue: DispatchQueue,
  ) {}

  async advance(campaignId: string): Promise<void> {
    if ((await this.queries.execute(new GetCampaignStatusQuery(campaignId))) !== CampaignStatus.RUNNING) return;
    const progress = await this.ledger.progress(campaignId);
    if (progress.open === 0) await this.engine.run(new CompleteCampaignCommand(campaignId));
    else if (progress.dueNow > 0) await this.queue.kick(campaignId);
    else if (progress.nextAttemptAt) await this.queue.kick(campaignId, progress.nextAttemptAt.getTime() - Date.now());
  }
}
