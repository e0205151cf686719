import { Query } from '@nestjs/cqrs';
import type { ContactImportSnapshot } from '../../domain/contact-import';

/** The import of the workspace (404 IMPORT_NOT_FOUND for another workspace's). */
export class GetContactImportQuery extends Query<ContactImportSnapshot> {
  constructor(
    readonly workspaceId: string,
    readonly importId: string,
  ) {
    super();
  }
}
