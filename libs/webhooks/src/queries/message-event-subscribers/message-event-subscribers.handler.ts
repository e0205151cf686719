import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MESSAGE_EVENT_TYPES, MessageEventSubscribersQuery } from '@app/dispatch';

@QueryHandler(MessageEventSubscribersQuery)
export class MessageEventSubscribersHandler implements IQueryHandler<MessageEventSubscribersQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute(): Promise<Set<string>> {
    const rows = await this.db.query(`SELECT DISTINCT workspace_id FROM webhook_endpoints WHERE events && $1::text[]`, [MESSAGE_EVENT_TYPES]);
    return new Set(rows.map((r: { workspace_id: string }) => r.workspace_id));
  }
}
