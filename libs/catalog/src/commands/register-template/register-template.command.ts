import { Command } from '@nestjs/cqrs';
import type { TemplateEntity } from '../../database/template.entity';
import type { TemplateCategory, TemplateStatus } from '../../queries/get-template/get-template.query';

export class RegisterTemplateCommand extends Command<TemplateEntity> {
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
