import { BullModule } from '@nestjs/bull';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateWebhookHandler } from './commands/create-webhook/create-webhook.handler';
import { DeleteWebhookHandler } from './commands/delete-webhook/delete-webhook.handler';
import { SendTestEventHandler } from './commands/send-test-event/send-test-event.handler';
import { EnableWebhookHandler } from './commands/enable-webhook/enable-webhook.handler';
import { RetryDeliveryHandler } from './commands/retry-delivery/retry-delivery.handler';
import { WebhookDeliveriesRepository } from './database/webhook-deliveries.repository';
import { WebhookDeliveryEntity } from './database/webhook-delivery.entity';
import { WebhookEndpointEntity } from './database/webhook-endpoint.entity';
import { WebhookEndpointsRepository } from './database/webhook-endpoints.repository';
import { DeliveryQueue, WEBHOOK_DELIVERIES_QUEUE } from './delivery/delivery-queue';
import { WebhooksController } from './http/webhooks.controller';
import { GetWebhookHandler } from './queries/get-webhook/get-webhook.handler';
import { ListWebhookDeliveriesHandler } from './queries/list-deliveries/list-deliveries.handler';
import { ListWebhooksHandler } from './queries/list-webhooks/list-webhooks.handler';
import { MessageEventSubscribersHandler } from './queries/message-event-subscribers/message-event-subscribers.handler';
import { WebhooksConfig } from './webhooks.config';

const shared = [WebhooksConfig, WebhookEndpointsRepository, WebhookDeliveriesRepository, DeliveryQueue];

/** Endpoint management (API side). Deliveries are made by WebhooksWorkerModule. */
@Module({
  imports: [TypeOrmModule.forFeature([WebhookEndpointEntity, WebhookDeliveryEntity]), BullModule.registerQueue({ name: WEBHOOK_DELIVERIES_QUEUE })],
  controllers: [WebhooksController],
  providers: [
    ...shared,
    CreateWebhookHandler,
    DeleteWebhookHandler,
    SendTestEventHandler,
    EnableWebhookHandler,
    RetryDeliveryHandler,
    GetWebhookHandler,
    ListWebhooksHandler,
    ListWebhookDeliveriesHandler,
    MessageEventSubscribersHandler,
  ],
  exports: shared,
})
export class WebhooksModule {}
