import type { IEvent } from '@nestjs/cqrs';
import type { TemplateStatus } from '../../queries/get-template/get-template.query';

/** A template's status changed (Meta's status webhook or a sync); campaigns using it may have to stop. */
export class TemplateStatusChangedEvent implements IEvent {
  constructor(
    readonly workspaceId: string,
    readonly templateId: string,
    readonly status: TemplateStatus,
    readonly reason: string | null,
  ) {}
}
