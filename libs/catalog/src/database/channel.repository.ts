import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { keysetPage, PageRequest, RowsPage } from '@app/platform';
import { DataSource, In } from 'typeorm';
import { ChannelAlreadyExistsError } from '../domain/catalog.errors';
import { WebhookChannelCache } from '../queries/find-webhook-channels/webhook-channel-cache';
import { ChannelEntity } from './channel.entity';
import { violatedUniqueConstraint } from './unique-violation';

@Injectable()
export class ChannelRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly webhookChannels: WebhookChannelCache,
  ) {}

  async insert(row: ChannelEntity): Promise<void> {
    try {
      await this.db.getRepository(ChannelEntity).insert(row);
      this.webhookChannels.clear();
    } catch (err) {
      if (violatedUniqueConstraint(err) !== null) throw new ChannelAlreadyExistsError(row.phoneNumberId);
      throw err;
    }
  }

  findById(workspaceId: string, id: string): Promise<ChannelEntity | null> {
    return this.db.getRepository(ChannelEntity).findOneBy({ workspaceId, id });
  }

  /** At most `limit` channels of the workspace, oldest first. */
  firstOf(workspaceId: string, limit: number): Promise<ChannelEntity[]> {
    return this.db.getRepository(ChannelEntity).find({ where: { workspaceId }, order: { createdAt: 'ASC', id: 'ASC' }, take: limit });
  }

  list(workspaceId: string, page: PageRequest): Promise<RowsPage<ChannelEntity>> {
    return keysetPage(this.db.getRepository(ChannelEntity).createQueryBuilder('c').where('c.workspace_id = :workspaceId', { workspaceId }), page);
  }

  /** Across workspaces (Meta identifies the channel of an inbound event by these ids only): channels of any workspace with one of the phone number ids or WABA ids (oldest first). */
  findByMetaIds(phoneNumberIds: string[], wabaIds: string[]): Promise<ChannelEntity[]> {
    if (!phoneNumberIds.length && !wabaIds.length) return Promise.resolve([]);
    return this.db.getRepository(ChannelEntity).find({
      where: [{ phoneNumberId: In(phoneNumberIds) }, { wabaId: In(wabaIds) }],
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }

  async delete(workspaceId: string, id: string): Promise<boolean> {
    const res = await this.db.getRepository(ChannelEntity).delete({ workspaceId, id });
    this.webhookChannels.clear();
    return !!res.affected;
  }
}
