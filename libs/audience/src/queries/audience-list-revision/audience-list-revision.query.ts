import { Query } from '@nestjs/cqrs';

/**
 * A value that changes whenever members join the list or change (null: the list is empty), so whoever
 * materialised an audience with this list can tell it must materialise again.
 */
export class AudienceListRevisionQuery extends Query<string | null> {
  constructor(readonly listId: string) {
    super();
  }
}
