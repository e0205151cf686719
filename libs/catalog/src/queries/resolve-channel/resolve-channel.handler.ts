import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { isUUID } from 'class-validator';
import { ChannelRepository } from '../../database/channel.repository';
import { ChannelNotFoundError, ChannelRequiredError } from '../../domain/catalog.errors';
import { ChannelSecrets } from '../catalog-contracts';
import { ResolveChannelQuery } from './resolve-channel.query';

@QueryHandler(ResolveChannelQuery)
export class ResolveChannelHandler implements IQueryHandler<ResolveChannelQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly secrets: ChannelSecrets,
  ) {}

  async execute({ workspaceId, channelId }: ResolveChannelQuery) {
    if (channelId !== null) {
      const row = isUUID(channelId) ? await this.channels.findById(workspaceId, channelId) : null;
      if (!row) throw new ChannelNotFoundError(channelId);
      return this.secrets.credentials(row);
    }
    const [only, another] = await this.channels.firstOf(workspaceId, 2);
    if (!only) throw new ChannelRequiredError('This workspace has no channel: create one with POST /channels', { channels: 0 });
    if (another) throw new ChannelRequiredError('This workspace has several channels: give channel_id', { channels: 'several' });
    return this.secrets.credentials(only);
  }
}
