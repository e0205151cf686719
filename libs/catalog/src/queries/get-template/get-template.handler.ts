import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TemplateRepository } from '../../database/template.repository';
import { toTemplateSummary } from '../catalog-contracts';
import { GetTemplateQuery } from './get-template.query';

@QueryHandler(GetTemplateQuery)
export class GetTemplateHandler implements IQueryHandler<GetTemplateQuery> {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ workspaceId, idOrMetaId }: GetTemplateQuery) {
    const row = await this.templates.findByIdOrMetaId(workspaceId, idOrMetaId);
    return row ? toTemplateSummary(row) : null;
  }
}
