import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ContactRepository } from '../database/contact.repository';
import { GroupRepository } from '../database/group.repository';
import { SourceRepository } from '../database/source.repository';
import type { ContactInput } from '../domain/contact-input';

/**
 * The one write path of POST /contacts and POST /contacts/bulk: checks the referenced groups and
 * source (404 if any is not the workspace's) and upserts every row, in one transaction.
 */
@Injectable()
export class ContactImporter {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ContactRepository,
    private readonly groups: GroupRepository,
    private readonly sources: SourceRepository,
  ) {}

  upsert(workspaceId: string, rows: ContactInput[], opts: { sourceId?: string | null; groupIds?: string[] }) {
    const groupIds = opts.groupIds ?? [];
    return this.db.transaction(async (m) => {
      await this.groups.assertExist(workspaceId, groupIds, m);
      if (opts.sourceId) await this.sources.assertExists(workspaceId, opts.sourceId, m);
      return this.contacts.upsert(m, workspaceId, rows, { sourceId: opts.sourceId ?? null, groupIds });
    });
  }
}
