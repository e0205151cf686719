import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TemplateRepository } from '../../database/template.repository';
import { TemplateNotFoundError } from '../../domain/catalog.errors';
import { GetTemplateByIdQuery } from './get-template-by-id.query';

@QueryHandler(GetTemplateByIdQuery)
export class GetTemplateByIdHandler implements IQueryHandler<GetTemplateByIdQuery> {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ workspaceId, templateId }: GetTemplateByIdQuery) {
    const row = await this.templates.findById(workspaceId, templateId);
    if (!row) throw new TemplateNotFoundError(templateId);
    return row;
  }
}
