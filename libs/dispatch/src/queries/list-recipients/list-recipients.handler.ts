import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeSeqCursor, encodeSeqCursor, Page } from '@app/platform';
import { DataSource } from 'typeorm';
import { RECIPIENT_COLUMNS, RecipientRow, RecipientView, statusInSql, toRecipientView, UNKNOWN_ERROR_CODE } from '../recipient-view/recipient-view';
import { ListRecipientsQuery } from './list-recipients.query';

@QueryHandler(ListRecipientsQuery)
export class ListRecipientsHandler implements IQueryHandler<ListRecipientsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ campaignId, filter, limit, cursor }: ListRecipientsQuery): Promise<Page<RecipientView>> {
    const after = decodeSeqCursor(cursor ?? undefined);
    const params: unknown[] = [campaignId];
    const where = ['campaign_id = $1'];
    if (filter.statuses?.length) where.push(statusInSql(filter.statuses));
    if (filter.errorCode === UNKNOWN_ERROR_CODE) where.push('error_code IS NULL');
    else if (filter.errorCode !== undefined) where.push(`error_code = $${params.push(filter.errorCode)}`);
    if (after !== null) where.push(`seq < $${params.push(after)}::bigint`);
    const rows: Array<RecipientRow & { seq: string }> = await this.db.query(
      `SELECT ${RECIPIENT_COLUMNS}, seq FROM campaign_recipients
        WHERE ${where.join(' AND ')}
        ORDER BY seq DESC
        LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const items = rows.slice(0, limit);
    return {
      data: items.map(toRecipientView),
      next_cursor: rows.length > limit ? encodeSeqCursor(items[items.length - 1].seq) : null,
    };
  }
}
