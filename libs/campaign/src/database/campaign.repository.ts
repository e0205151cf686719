import { Injectable, Logger } from '@nestjs/common';
import { EventPublisher } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AudienceSpec } from '@app/audience';
import { keysetPage, Page, PageRequest, recordOutboxEvents, toPage } from '@app/platform';
import { DataSource, EntityManager, In } from 'typeorm';
import { Campaign, CampaignProps, toAudienceSpec } from '../domain/campaign.aggregate';
import type { CampaignEvent } from '../domain/events/campaign-event';
import { CampaignNotFoundError, ConcurrentTransitionError } from '../domain/campaign.errors';
import { CampaignStatus } from '../domain/campaign-status';
import { CampaignEntity } from './campaign.entity';

function toProps(e: CampaignEntity): CampaignProps {
  const { audienceGroups, audienceSources, audienceSegments, audienceContacts, ...rest } = e;
  return { ...rest, audience: { groups: audienceGroups, sources: audienceSources, segments: audienceSegments, contactIds: audienceContacts } };
}

function toRow(p: Readonly<CampaignProps>): CampaignEntity {
  const { audience, ...rest } = p;
  return Object.assign(new CampaignEntity(), rest, {
    audienceGroups: audience.groups,
    audienceSources: audience.sources,
    audienceSegments: audience.segments,
    audienceContacts: audience.contactIds,
  });
}

/** Builds the webhook payload of an event from the campaign as it stands after the change. */
export type OutboxPayloadBuilder = (campaign: Readonly<CampaignProps>) => Promise<Record<string, unknown>>;

@Injectable()
export class CampaignRepository {
  private readonly logger = new Logger('Campaign');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly publisher: EventPublisher,
  ) {}

  async findById(workspaceId: string, id: string): Promise<Campaign> {
    const row = await this.db.getRepository(CampaignEntity).findOneBy({ id, workspaceId });
    if (!row) throw new CampaignNotFoundError(id);
    return this.publisher.mergeObjectContext(Campaign.restore(toProps(row)));
  }

  /** The campaign's audience, and the template it is for (whose category decides which opt-outs apply). */
  async audienceSpec(workspaceId: string, id: string): Promise<AudienceSpec & { templateId: string }> {
    const row = await this.db
      .getRepository(CampaignEntity)
      .findOne({ select: ['audienceGroups', 'audienceSources', 'audienceSegments', 'audienceContacts', 'templateId'], where: { id, workspaceId } });
    if (!row) throw new CampaignNotFoundError(id);
    return { ...toAudienceSpec(workspaceId, toProps(row).audience, id), templateId: row.templateId };
  }

  /** For internal actors (scheduler, dispatcher) that act on a campaign id without a workspace context. */
  async findByIdUnscoped(id: string): Promise<Campaign> {
    const row = await this.db.getRepository(CampaignEntity).findOneBy({ id });
    if (!row) throw new CampaignNotFoundError(id);
    return this.publisher.mergeObjectContext(Campaign.restore(toProps(row)));
  }

  adopt(campaign: Campaign): Campaign {
    return this.publisher.mergeObjectContext(campaign);
  }

  /**
   * Persists the aggregate and its uncommitted events (to the outbox) in one transaction, guarded by the
   * version it was read at; then publishes the events in-process. `inTx` lets a caller add its own
   * writes to the same transaction.
   */
  async save(campaign: Campaign, payload: OutboxPayloadBuilder, inTx?: (m: EntityManager) => Promise<void>): Promise<void> {
    const s = campaign.snapshot();
    const events = campaign.getUncommittedEvents() as CampaignEvent[];
    const published = events.filter((e) => !e.internal);
    const body = published.length ? await payload(s) : {};
    await this.db.transaction(async (m) => {
      if (s.version === 0) {
        await m.insert(CampaignEntity, { ...toRow(s), version: 1 });
      } else {
        const res = await m.update(CampaignEntity, { id: s.id, version: s.version }, { ...toRow(s), version: s.version + 1 });
        if (!res.affected) throw new ConcurrentTransitionError(s.id);
      }
      if (inTx) await inTx(m);
      await recordOutboxEvents(
        m,
        published.map((e) => ({ workspaceId: s.workspaceId, type: e.type, aggregateId: s.id, payload: body })),
      );
    });
    campaign.markSaved();
    campaign.commit();
    for (const e of events) {
      this.logger.log({ msg: e.type, campaign_id: s.id, workspace_id: s.workspaceId, status: s.status, total_recipients: s.totalRecipients, reason: s.pauseReason ?? s.failureReason ?? undefined });
    }
  }

  /** Deletes at the version read; the aggregate's CampaignDeletedEvent then lets other modules drop their data. */
  async delete(campaign: Campaign): Promise<void> {
    const s = campaign.snapshot();
    const res = await this.db.getRepository(CampaignEntity).delete({ id: s.id, version: s.version });
    if (!res.affected) throw new ConcurrentTransitionError(s.id);
    campaign.commit();
  }

  /** Keyset page of a workspace's campaigns, newest first. */
  async list(workspaceId: string, statuses: CampaignStatus[] | undefined, page: PageRequest): Promise<Page<Readonly<CampaignProps>>> {
    const qb = this.db.getRepository(CampaignEntity).createQueryBuilder('c').where('c.workspace_id = :workspaceId', { workspaceId });
    if (statuses?.length) qb.andWhere('c.status IN (:...statuses)', { statuses });
    return toPage(await keysetPage(qb, page), toProps);
  }

  /** Ids of the workspace's campaigns in one of `statuses` that use the given template or channel. */
  async findIdsUsing(workspaceId: string, ref: { templateId: string } | { channelId: string }, statuses: CampaignStatus[]): Promise<string[]> {
    const rows = await this.db.getRepository(CampaignEntity).find({ select: ['id'], where: { workspaceId, ...ref, status: In(statuses) } });
    return rows.map((r) => r.id);
  }

  async findStatus(id: string): Promise<CampaignStatus | null> {
    const row = await this.db.getRepository(CampaignEntity).findOne({ select: ['id', 'status'], where: { id } });
    return row?.status ?? null;
  }

  async findScheduledStarts(): Promise<Array<{ id: string; scheduledAt: Date }>> {
    const rows = await this.db.getRepository(CampaignEntity).find({ select: ['id', 'scheduledAt'], where: { status: CampaignStatus.SCHEDULED } });
    return rows.filter((r) => r.scheduledAt).map((r) => ({ id: r.id, scheduledAt: r.scheduledAt! }));
  }

  async findRunningIds(): Promise<string[]> {
    const rows = await this.db.getRepository(CampaignEntity).find({ select: ['id'], where: { status: CampaignStatus.RUNNING } });
    return rows.map((r) => r.id);
  }

  async findDueScheduled(now: Date, limit = 100): Promise<Array<Pick<CampaignProps, 'id' | 'scheduledAt'>>> {
    return this.db
      .getRepository(CampaignEntity)
      .createQueryBuilder('c')
      .select(['c.id', 'c.scheduledAt'])
      .where('c.status = :s AND c.scheduled_at <= :now', { s: CampaignStatus.SCHEDULED, now })
      .orderBy('c.scheduled_at')
      .limit(limit)
      .getMany();
  }
}
