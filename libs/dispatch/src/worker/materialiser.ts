import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AudienceListRevisionQuery, BuildAudienceSelectQuery } from '@app/audience';
import { CampaignAudience, CampaignStatus, GetCampaignDispatchInfoQuery, RecordMaterialisedCommand, toAudienceSpec } from '@app/campaign';
import { GetTemplateQuery } from '@app/catalog';
import { Env } from '@app/platform';
import { contactIdSlices } from './contact-id-slices';
import { RecipientLedger } from '../database/recipient-ledger';
import { DispatchQueue } from '../dispatch-queue';
import { EngineCommands } from './engine-commands';
import { SendWindowGate } from './send-window-gate';

/**
 * Identifies an audience: rows are materialised again (fitted to it) whenever the campaign's audience no longer
 * matches. Recipients added one by one count too: a paused campaign they were added to materialises again on resume.
 */
export const audienceKey = (a: CampaignAudience, listRevision: string | null) =>
  JSON.stringify([a.groups, a.sources, ...(a.segments.length || a.contactIds.length || listRevision ? [a.segments, a.contactIds, [listRevision ?? '']] : [])].map((ids) => [...ids].sort()));

/** Turns a started (or resumed) campaign's audience into recipient rows, then hands it to the pump. */
@Injectable()
export class Materialiser {
  constructor(
    private readonly ledger: RecipientLedger,
    private readonly queries: QueryBus,
    private readonly engine: EngineCommands,
    private readonly queue: DispatchQueue,
    private readonly gate: SendWindowGate,
    private readonly env: Env,
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
    const key = audienceKey(info.audience, await this.queries.execute(new AudienceListRevisionQuery(campaignId)));
    const previous = await this.ledger.materialisedAudience(campaignId);
    if (previous !== key) {
      // Opt-outs are judged for the template's category: a marketing-only opt-out doesn't skip a utility message.
      const template = await this.queries.execute(new GetTemplateQuery(info.workspaceId, info.templateId));
      const spec = { ...toAudienceSpec(info.workspaceId, info.audience, campaignId), templateCategory: template?.category };
      const [whole, ...slices] = await Promise.all([
        this.queries.execute(new BuildAudienceSelectQuery(spec, 2)),
        ...contactIdSlices(this.env.MATERIALISE_PARALLELISM).map((range) => this.queries.execute(new BuildAudienceSelectQuery(spec, 2, range))),
      ]);
      const landed = await this.ledger.materialise(campaignId, key, slices, whole);
      if (landed) {
        await this.gate.assignZones(info);
        await this.engine.run(new RecordMaterialisedCommand(campaignId, landed.total));
      }
    }
    if (info.channelId) await this.ledger.recordChannel(campaignId, info.channelId);
    await this.queue.kick(campaignId);
  }
}
