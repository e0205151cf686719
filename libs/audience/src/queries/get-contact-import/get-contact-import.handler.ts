import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContactImportRepository } from '../../database/contact-import.repository';
import { GetContactImportQuery } from './get-contact-import.query';

@QueryHandler(GetContactImportQuery)
export class GetContactImportHandler implements IQueryHandler<GetContactImportQuery> {
  constructor(private readonly imports: ContactImportRepository) {}

  execute({ workspaceId, importId }: GetContactImportQuery) {
    return this.imports.get(workspaceId, importId);
  }
}
