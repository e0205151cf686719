import { InjectQueue } from '@nestjs/bull';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bull';
import { watchQueue } from '@app/platform';
import type { DeliveryRef } from '../database/webhook-deliveries.repository';

export const WEBHOOK_DELIVERIES_QUEUE = 'webhook-deliveries';

export interface DeliveryJob {
  deliveryId: string;
}

/**
 * Triggers attempts. A job only says "try this delivery now"; the row decides whether to. Its id names
 * the attempt (delivery + attempts made), so the relay, the retry and the sweep asking for the same
 * attempt queue it once, and a later attempt is never mistaken for an earlier one.
 */
@Injectable()
export class DeliveryQueue {
  private readonly logger = new Logger(DeliveryQueue.name);

  constructor(@InjectQueue(WEBHOOK_DELIVERIES_QUEUE) private readonly queue: Queue<DeliveryJob>) {
    watchQueue(queue);
  }

  async trigger(refs: DeliveryRef[]): Promise<void> {
    const now = Date.now();
    await Promise.all(
      refs.map((r) =>
        this.queue
          .add(
            { deliveryId: r.id },
            // +1 ms: the Date lost the database timestamp's microseconds, and a job that fires early finds the row not yet due.
            { jobId: `${r.id}:${r.attempts}`, delay: Math.max(0, r.nextAttemptAt.getTime() + 1 - now), removeOnComplete: true, removeOnFail: true },
          )
          // The row stays pending and due: the sweep triggers it again, so a Redis hiccup only delays it.
          .catch((err: Error) => this.logger.warn(`could not queue webhook delivery ${r.id}: ${err.message}`)),
      ),
    );
  }
}
