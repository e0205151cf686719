import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { map, Observable } from 'rxjs';
import {
  CampaignDeletedEvent, CampaignFailedEvent, CampaignPausedEvent, CampaignResumedEvent, CampaignRetriedEvent, CampaignScheduledEvent, CampaignStartedEvent, CampaignStoppedEvent,
} from '@app/campaign';
import { CancelScheduledStartCommand } from '../commands/cancel-scheduled-start/cancel-scheduled-start.command';
import { PurgeRecipientsCommand } from '../commands/purge-recipients/purge-recipients.command';
import { MaterialiseAudienceCommand } from '../commands/materialise-audience/materialise-audience.command';
import { ScheduleStartCommand } from '../commands/schedule-start/schedule-start.command';

/**
 * Drives dispatch from the campaign's lifecycle events. Pure mapping: the commands do the I/O, and a
 * lost in-process event is made good by the worker's periodic sweep, which reads the state in Postgres.
 */
@Injectable()
export class CampaignDispatchSaga {
  @Saga()
  startedResumedOrRetried = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(ofType(CampaignStartedEvent, CampaignResumedEvent, CampaignRetriedEvent), map((e) => new MaterialiseAudienceCommand(e.campaignId)));

  @Saga()
  scheduled = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(ofType(CampaignScheduledEvent), map((e) => new ScheduleStartCommand(e.campaignId, e.scheduledAt)));

  @Saga()
  deleted = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(ofType(CampaignDeletedEvent), map((e) => new PurgeRecipientsCommand(e.campaignId)));

  @Saga()
  noLongerWaiting = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(CampaignStartedEvent, CampaignPausedEvent, CampaignStoppedEvent, CampaignFailedEvent),
      map((e) => new CancelScheduledStartCommand(e.campaignId)),
    );
}
