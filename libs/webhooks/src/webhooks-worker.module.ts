import { Module } from '@nestjs/common';
import { OutboxRelay } from './delivery/outbox-relay';
import { WebhookDeliverer } from './delivery/webhook-deliverer';
import { WebhookDeliveryProcessor } from './delivery/webhook-delivery.processor';
import { WebhookSender } from './delivery/webhook-sender';
import { WebhooksModule } from './webhooks.module';

/** The outbox relay, the sweep and the delivery processor: loaded by the worker process only. */
@Module({
  imports: [WebhooksModule],
  providers: [OutboxRelay, WebhookSender, WebhookDeliverer, WebhookDeliveryProcessor],
})
export class WebhooksWorkerModule {}
