import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { decodeCursor, paginate } from '@app/platform';
import { TemplateRepository } from '../../database/template.repository';
import { ListTemplatesQuery } from './list-templates.query';

@QueryHandler(ListTemplatesQuery)
export class ListTemplatesHandler implements IQueryHandler<ListTemplatesQuery> {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ workspaceId, page, filter }: ListTemplatesQuery) {
    const rows = await this.templates.list(workspaceId, { ...filter, after: decodeCursor(page.cursor), limit: page.limit });
    const { items, next_cursor } = paginate(rows, page.limit);
    return { data: items, next_cursor };
  }
}
