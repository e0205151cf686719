import { Query } from '@nestjs/cqrs';
import type { ImportErrorRow } from '../../database/contact-import.repository';

/** Rejected rows of an import in line order, after `afterLine`; `more` when a next page exists. */
export class ListContactImportErrorsQuery extends Query<{ rows: ImportErrorRow[]; more: boolean }> {
  constructor(
    readonly workspaceId: string,
    readonly importId: string,
    readonly afterLine: number,
    readonly limit: number,
  ) {
    super();
  }
}
