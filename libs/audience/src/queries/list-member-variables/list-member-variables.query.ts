import { Query } from '@nestjs/cqrs';

/** The values given to each of these contacts in a list (contacts without any are absent from the map). */
export class ListMemberVariablesQuery extends Query<Map<string, Record<string, string>>> {
  constructor(
    readonly listId: string,
    readonly contactIds: string[],
  ) {
    super();
  }
}
