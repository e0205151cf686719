import { Command } from '@nestjs/cqrs';
import type { TemplateResponseDto } from '../../http/dto/template.response.dto';
import type { TemplateCategory, TemplateStatus } from '../../queries/get-template/get-template.query';

export class RegisterTemplateCommand extends Command<TemplateResponseDto> {
  constructor(
    readonly workspaceId: string,
    readonly input: {
      name: string;
      language: string;
      category: TemplateCategory;
      status?: TemplateStatus;
      metaTemplateId?: string | null;
      components: Record<string, unknown>[];
    },
  ) {
    super();
  }
}
