import { InjectQueue } from '@nestjs/bull';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bull';

export const CONTACT_IMPORTS_QUEUE = 'contact-imports';

export interface ContactImportJob {
  importId: string;
}

/**
 * The job is only a trigger: the file and the import's state are in Postgres, and the worker's sweep
 * enqueues again an import whose job Redis lost. The import id is the job id, so a second trigger for an
 * import still queued or running is a no-op.
 */
@Injectable()
export class ContactImportQueue {
  static readonly ATTEMPTS = 3;

  constructor(@InjectQueue(CONTACT_IMPORTS_QUEUE) private readonly queue: Queue) {}

  async enqueue(importId: string): Promise<void> {
    await this.queue.add({ importId } satisfies ContactImportJob, {
      jobId: importId,
      attempts: ContactImportQueue.ATTEMPTS,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: true,
    });
  }
}
