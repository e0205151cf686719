import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { TemplateRepository } from '../../database/template.repository';
import { CatalogPresenter } from '../catalog.presenter';
import { GetTemplateQuery } from './get-template.query';

@QueryHandler(GetTemplateQuery)
export class GetTemplateHandler implements IQueryHandler<GetTemplateQuery> {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly presenter: CatalogPresenter,
  ) {}

  async execute({ workspaceId, idOrMetaId }: GetTemplateQuery) {
    const row = await this.templates.findByIdOrMetaId(workspaceId, idOrMetaId);
    return row ? this.presenter.templateSummary(row) : null;
  }
}
