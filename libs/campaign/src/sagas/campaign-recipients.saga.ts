import { Injectable } from '@nestjs/common';
import { ICommand, IEvent, ofType, Saga } from '@nestjs/cqrs';
import { map, Observable } from 'rxjs';
import { DeleteAudienceListCommand } from '@app/audience';
import { CampaignDeletedEvent } from '../domain/events';

/** A deleted campaign's recipients added one by one (its audience list) go with it. */
@Injectable()
export class CampaignRecipientsSaga {
  @Saga()
  deleted = (events$: Observable<IEvent>): Observable<ICommand> =>
    events$.pipe(
      ofType(CampaignDeletedEvent),
      map((e) => new DeleteAudienceListCommand(e.campaignId)),
    );
}
