import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { Env } from '@app/platform';
import { ContactImportRepository } from '../../database/contact-import.repository';
import { GroupRepository } from '../../database/group.repository';
import { SourceRepository } from '../../database/source.repository';
import { ImportTooLargeError, InvalidImportError } from '../../domain/audience.errors';
import { ContactImportQueue } from '../../imports/contact-import-queue';
import { StartContactImportCommand } from './start-contact-import.command';

/** Rows of the chunk table: large enough that a 200 MB file is ~200 inserts, small enough to hold. */
const CHUNK_BYTES = 1024 * 1024;

@CommandHandler(StartContactImportCommand)
export class StartContactImportHandler implements ICommandHandler<StartContactImportCommand> {
  constructor(
    private readonly imports: ContactImportRepository,
    private readonly groups: GroupRepository,
    private readonly sources: SourceRepository,
    private readonly queue: ContactImportQueue,
    private readonly env: Env,
  ) {}

  async execute({ workspaceId, file, opts }: StartContactImportCommand) {
    await this.groups.assertExist(workspaceId, opts.groupIds);
    if (opts.sourceId) await this.sources.assertExists(workspaceId, opts.sourceId);
    const id = randomUUID();
    await this.imports.create({ id, workspaceId, ...opts, groupIds: [...new Set(opts.groupIds)] });
    try {
      const bytes = await this.store(id, file);
      if (!bytes) throw new InvalidImportError('The file is empty');
      await this.imports.setSize(id, bytes);
    } catch (e) {
      await this.imports.discard(id);
      throw e;
    }
    await this.queue.enqueue(id);
    return this.imports.get(workspaceId, id);
  }

  /** Copies the upload into ~1 MiB chunks; the stream is read only as fast as Postgres takes them. */
  private async store(id: string, file: AsyncIterable<Buffer>): Promise<number> {
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let total = 0;
    let seq = 0;
    const flush = async () => {
      if (!pendingBytes) return;
      await this.imports.appendChunk(id, seq++, Buffer.concat(pending, pendingBytes));
      pending = [];
      pendingBytes = 0;
    };
    for await (const buf of file) {
      total += buf.length;
      if (total > this.env.CONTACT_IMPORT_MAX_BYTES) throw new ImportTooLargeError(this.env.CONTACT_IMPORT_MAX_BYTES);
      pending.push(buf);
      pendingBytes += buf.length;
      if (pendingBytes >= CHUNK_BYTES) await flush();
    }
    await flush();
    return total;
  }
}
