import { Query } from '@nestjs/cqrs';
import type { Page, PageRequest } from '@app/platform';
import type { TemplateEntity } from '../../database/template.entity';
import type { TemplateStatus } from '../get-template/get-template.query';

export class ListTemplatesQuery extends Query<Page<TemplateEntity>> {
  constructor(
    readonly workspaceId: string,
    readonly page: PageRequest,
    readonly filter: { statuses?: TemplateStatus[]; name?: string; language?: string } = {},
  ) {
    super();
  }
}
