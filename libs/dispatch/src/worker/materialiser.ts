import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { BuildAudienceSelectQuery } from '@app/audience';
import { CampaignStatus, GetCampaignDispatchInfoQuery, RecordMaterialisedCommand } from '@app/campaign';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { StatsPublisher } from '../stats-publisher';
import { EngineCommands } from './engine-commands';

const audienceKey = (a: { groups: string[]; sources: string[] }) => JSON.stringify([[...a.groups].sort(), [...a.sources].sort()]);

/** Turns a started (or resumed) campaign's audience into recipient rows, then hands it to the pump. */
@Injectable()
export class Materialiser {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly stats: StatsPublisher,
    private readonly queue: DispatchQueue,
  ) {}

  async run(campaignId: string): Promise<void> {
    const info = await this.queries.execute(new GetCampaignDispatchInfoQuery(campaignId));
    if (!info) return;
    if (info.status === CampaignStatus.SCHEDULED && info.scheduledAt) {
      // Resumed before it ever started, with its time still ahead: wait for it again.
      await this.queue.scheduleStart(campaignId, info.scheduledAt);
      return;
    }
    if (info.status !== CampaignStatus.RUNNING) return;
    const key = audienceKey(info.audience);
    const previous = await this.ledger.materialisedAudience(campaignId);
    if (previous !== key) {
      const select = await this.queries.execute(
        new BuildAudienceSelectQuery({ workspaceId: info.workspaceId, groupIds: info.audience.groups, sourceIds: info.audience.sources }, 3),
      );
      const deltas = await this.ledger.materialise(campaignId, info.workspaceId, key, select);
      this.stats.publish(deltas);
      // A first materialisation's insert count is the total; after an audience change, count what is there.
      const total = previous === null ? (deltas.get(campaignId)?.total ?? 0) : await this.ledger.countRecipients(campaignId);
      await this.engine.run(new RecordMaterialisedCommand(campaignId, total));
    }
    await this.queue.kick(campaignId);
  }
}
