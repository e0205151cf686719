import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { toPage } from '@app/platform';
import { TemplateRepository } from '../../database/template.repository';
import { ListTemplatesQuery } from './list-templates.query';

@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<ListTemplatesQuery> {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ workspaceId, page, filter }: ListTemplatesQuery) {
    return toPage(await this.templates.list(workspaceId, filter, page));
  }
}
