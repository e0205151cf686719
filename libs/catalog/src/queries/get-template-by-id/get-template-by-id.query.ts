import { Query } from '@nestjs/cqrs';
import type { TemplateResponseDto } from '../../http/dto/template.response.dto';

/** GET /templates/{id}: the API object, or TemplateNotFoundError (404) for an id of another workspace. */
export class GetTemplateByIdQuery extends Query<TemplateResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly templateId: string,
  ) {
    super();
  }
}
