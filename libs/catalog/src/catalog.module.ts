import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { WhatsAppModule } from '@app/whatsapp';
import { ApplyTemplateStatusUpdateHandler } from './commands/apply-template-status-update/apply-template-status-update.handler';
import { CreateChannelHandler } from './commands/create-channel/create-channel.handler';
import { DeleteChannelHandler } from './commands/delete-channel/delete-channel.handler';
import { RegisterTemplateHandler } from './commands/register-template/register-template.handler';
import { SyncTemplatesHandler } from './commands/sync-templates/sync-templates.handler';
import { ChannelEntity } from './database/channel.entity';
import { ChannelRepository } from './database/channel.repository';
import { TemplateEntity } from './database/template.entity';
import { TemplateRepository } from './database/template.repository';
import { ChannelsController } from './http/channels.controller';
import { TemplatesController } from './http/templates.controller';
import { ChannelSecrets } from './queries/catalog-contracts';
import { FindWebhookChannelsHandler } from './queries/find-webhook-channels/find-webhook-channels.handler';
import { WebhookChannelCache } from './queries/find-webhook-channels/webhook-channel-cache';
import { GetChannelHandler } from './queries/get-channel/get-channel.handler';
import { GetTemplateHandler } from './queries/get-template/get-template.handler';
import { GetTemplateByIdHandler } from './queries/get-template-by-id/get-template-by-id.handler';
import { ListChannelsHandler } from './queries/list-channels/list-channels.handler';
import { ListTemplatesHandler } from './queries/list-templates/list-templates.handler';
import { ResolveChannelHandler } from './queries/resolve-channel/resolve-channel.handler';

/** WhatsApp message templates and channels (sender numbers). */
@Module({
  imports: [TypeOrmModule.forFeature([TemplateEntity, ChannelEntity]), WhatsAppModule],
  controllers: [TemplatesController, ChannelsController],
  providers: [
    TemplateRepository,
    ChannelRepository,
    ChannelSecrets,
    RegisterTemplateHandler,
    SyncTemplatesHandler,
    ApplyTemplateStatusUpdateHandler,
    CreateChannelHandler,
    DeleteChannelHandler,
    GetTemplateHandler,
    GetTemplateByIdHandler,
    ListTemplatesHandler,
    ResolveChannelHandler,
    GetChannelHandler,
    ListChannelsHandler,
    FindWebhookChannelsHandler,
    WebhookChannelCache,
  ],
})
export class CatalogModule {}
