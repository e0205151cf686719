import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContactImportRepository } from '../../database/contact-import.repository';
import { ListContactImportErrorsQuery } from './list-contact-import-errors.query';

@QueryHandler(ListContactImportErrorsQuery)
export class ListContactImportErrorsHandler implements IQueryHandler<ListContactImportErrorsQuery> {
  constructor(private readonly imports: ContactImportRepository) {}

  async execute({ workspaceId, importId, afterLine, limit }: ListContactImportErrorsQuery) {
    await this.imports.get(workspaceId, importId);
    const rows = await this.imports.errors(importId, afterLine, limit + 1);
    return { rows: rows.slice(0, limit), more: rows.length > limit };
  }
}
