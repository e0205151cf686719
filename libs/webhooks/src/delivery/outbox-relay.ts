import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { PollLoop } from '@app/platform';
import { WebhookDeliveriesRepository } from '../database/webhook-deliveries.repository';
import { WebhooksConfig } from '../webhooks.config';
import { DeliveryQueue } from './delivery-queue';

/**
 * Polls the outbox (at start too, so events recorded while no worker ran go out when one comes back)
 * and fans events out into deliveries; and sweeps for due deliveries whose queue job was lost (Redis
 * flushed, job removed after a crash), so the database alone guarantees every delivery is attempted.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly loops: PollLoop[];

  constructor(
    private readonly deliveries: WebhookDeliveriesRepository,
    private readonly queue: DeliveryQueue,
    private readonly config: WebhooksConfig,
  ) {
    this.loops = [
      new PollLoop('webhook relay', config.relayIntervalMs, () => this.relay(), this.logger),
      new PollLoop('webhook sweep', config.sweepIntervalMs, () => this.sweep(), this.logger),
    ];
  }

  onApplicationBootstrap(): void {
    for (const loop of this.loops) loop.start();
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.loops.map((l) => l.stop()));
  }

  async relay(): Promise<boolean> {
    const { created, more } = await this.deliveries.relayOutboxBatch(this.config.relayBatchSize);
    await this.queue.trigger(created);
    return more;
  }

  async sweep(): Promise<boolean> {
    const limit = 1000;
    const due = await this.deliveries.findClaimable(limit);
    await this.queue.trigger(due);
    return false;
  }
}
