import { Query } from '@nestjs/cqrs';
import type { SourceEntity } from '../../database/source.entity';

export class GetSourceQuery extends Query<SourceEntity> {
  constructor(
    readonly workspaceId: string,
    readonly sourceId: string,
  ) {
    super();
  }
}
