import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { parseContactRows } from '../../domain/contact-input';
import { ContactImporter } from '../contact-importer';
import { BulkUpsertContactsCommand } from './bulk-upsert-contacts.command';

@CommandHandler(BulkUpsertContactsCommand)
export class BulkUpsertContactsHandler implements ICommandHandler<BulkUpsertContactsCommand> {
  constructor(private readonly importer: ContactImporter) {}

  async execute({ workspaceId, rows, groupIds, sourceId }: BulkUpsertContactsCommand) {
    const { inputs, failed } = parseContactRows(rows);
    const upserted = await this.importer.upsert(workspaceId, inputs, { sourceId, groupIds });
    const created = upserted.filter((r) => r.inserted).length;
    return { created, updated: upserted.length - created, failed: failed.sort((a, b) => a.index - b.index) };
  }
}
