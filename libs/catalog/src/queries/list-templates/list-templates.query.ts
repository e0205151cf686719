import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { TemplateResponseDto } from '../../http/dto/template.response.dto';
import type { TemplateStatus } from '../get-template/get-template.query';

export class ListTemplatesQuery extends Query<Page<TemplateResponseDto>> {
  constructor(
    readonly workspaceId: string,
    readonly page: { limit: number; cursor?: string },
    readonly filter: { statuses?: TemplateStatus[]; name?: string; language?: string } = {},
  ) {
    super();
  }
}
