import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { map, Observable } from 'rxjs';
import { TemplateStatusChangedEvent } from '@app/catalog';
import { ApplyTemplateStatusCommand } from '../commands/apply-template-status/apply-template-status.command';

/** A template's status changed at Meta: its campaigns react (fail or pause). */
@Injectable()
export class TemplateStatusSaga {
  @Saga()
  templateChanged = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(TemplateStatusChangedEvent),
      map((e) => new ApplyTemplateStatusCommand(e.workspaceId, e.templateId, e.status, e.reason)),
    );
}
