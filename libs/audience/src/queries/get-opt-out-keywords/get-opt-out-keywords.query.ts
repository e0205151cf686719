import { Query } from '@nestjs/cqrs';
import type { OptOutKeywords } from '../../domain/opt-out';

export class GetOptOutKeywordsQuery extends Query<OptOutKeywords> {
  constructor(readonly workspaceId: string) {
    super();
  }
}
