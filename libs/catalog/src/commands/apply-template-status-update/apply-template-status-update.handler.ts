import { CommandHandler, EventBus, ICommandHandler } from '@nestjs/cqrs';
import { TemplateRepository } from '../../database/template.repository';
import { TemplateStatusChangedEvent } from '../../domain/events/template-status-changed.event';
import { toTemplateStatus } from '../../domain/template-status';
import { ApplyTemplateStatusUpdateCommand } from './apply-template-status-update.command';

@CommandHandler(ApplyTemplateStatusUpdateCommand)
export class ApplyTemplateStatusUpdateHandler implements ICommandHandler<ApplyTemplateStatusUpdateCommand> {
  constructor(
    private readonly templates: TemplateRepository,
    private readonly events: EventBus,
  ) {}

  async execute(cmd: ApplyTemplateStatusUpdateCommand) {
    const status = toTemplateStatus(cmd.status);
    if (!status || !cmd.workspaceIds.length) return [];
    const changed = await this.templates.applyStatus({
      workspaceIds: cmd.workspaceIds,
      at: cmd.at,
      metaTemplateId: cmd.metaTemplateId === null ? null : String(cmd.metaTemplateId),
      name: cmd.name,
      language: cmd.language,
      status,
      // Meta sends the string "NONE" (any case) when there is no reason; callers pass Meta's value through.
      reason: cmd.reason && cmd.reason.toUpperCase() !== 'NONE' ? cmd.reason : null,
    });
    const events = changed.map((c) => new TemplateStatusChangedEvent(c.workspaceId, c.templateId, c.status, c.reason));
    this.events.publishAll(events);
    return events;
  }
}
