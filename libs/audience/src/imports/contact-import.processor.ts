import { Process, Processor } from '@nestjs/bull';
import { Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { Job } from 'bull';
import { PollLoop } from '@app/platform';
import { ContactImportRepository } from '../database/contact-import.repository';
import { CONTACT_IMPORTS_QUEUE, ContactImportJob, ContactImportQueue } from './contact-import-queue';
import { ContactImportRunner } from './contact-import-runner';

const SWEEP_MS = 30_000;
/** Longer than any pause in a running import's progress writes (the final upsert included). */
const STALE_MS = 5 * 60_000;

@Processor(CONTACT_IMPORTS_QUEUE)
export class ContactImportProcessor implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ContactImportProcessor.name);
  private readonly sweep: PollLoop;

  constructor(
    private readonly runner: ContactImportRunner,
    imports: ContactImportRepository,
    queue: ContactImportQueue,
  ) {
    // A job lost with Redis (or never added: the API died between storing the file and queueing it) is queued again.
    this.sweep = new PollLoop('contact import sweep', SWEEP_MS, async () => {
      for (const id of await imports.stale(STALE_MS, 100)) await queue.enqueue(id);
    }, this.logger);
  }

  onApplicationBootstrap() {
    this.sweep.start();
  }

  onModuleDestroy() {
    return this.sweep.stop();
  }

  /** One import at a time per worker: an import already uses a connection, a core and up to ~100 MB. */
  @Process({ concurrency: 1 })
  run(job: Job<ContactImportJob>) {
    return this.runner.run(job.data.importId, job.attemptsMade + 1 >= (job.opts.attempts ?? 1));
  }
}
