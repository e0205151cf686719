import { Process, Processor } from '@nestjs/bull';
import type { Job } from 'bull';
import { DeliveryJob, WEBHOOK_DELIVERIES_QUEUE } from './delivery-queue';
import { WebhookDeliverer } from './webhook-deliverer';

@Processor(WEBHOOK_DELIVERIES_QUEUE)
export class WebhookDeliveryProcessor {
  constructor(private readonly deliverer: WebhookDeliverer) {}

  /** Attempts are mostly waiting on receivers, so many run at once. */
  @Process({ concurrency: 32 })
  handle(job: Job<DeliveryJob>): Promise<void> {
    return this.deliverer.attempt(job.data.deliveryId);
  }
}
