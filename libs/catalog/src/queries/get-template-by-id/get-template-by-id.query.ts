import { Query } from '@nestjs/cqrs';
import type { TemplateEntity } from '../../database/template.entity';

/** GET /templates/{id}: the row, or TemplateNotFoundError (404) for an id of another workspace. */
export class GetTemplateByIdQuery extends Query<TemplateEntity> {
  constructor(
    readonly workspaceId: string,
    readonly templateId: string,
  ) {
    super();
  }
}
