import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { TemplateEntity } from '../../database/template.entity';
import { TemplateRepository } from '../../database/template.repository';
import { InvalidTemplateError } from '../../domain/catalog.errors';
import { analyzeComponents } from '../../domain/template-components';
import { RegisterTemplateCommand } from './register-template.command';

@CommandHandler(RegisterTemplateCommand)
export class RegisterTemplateHandler implements ICommandHandler<RegisterTemplateCommand> {
  constructor(private readonly templates: TemplateRepository) {}

  async execute({ workspaceId, input }: RegisterTemplateCommand) {
    const { problems } = analyzeComponents(input.components);
    if (problems.length) throw new InvalidTemplateError(problems);
    const now = new Date();
    const row = Object.assign(new TemplateEntity(), {
      id: randomUUID(),
      workspaceId,
      metaTemplateId: input.metaTemplateId ?? null,
      name: input.name,
      language: input.language,
      category: input.category,
      // The operator vouches for the template: registering one is saying Meta approved it.
      status: input.status ?? 'APPROVED',
      statusReason: null,
      components: input.components,
      createdAt: now,
      updatedAt: now,
    });
    await this.templates.insert(row);
    return row;
  }
}
