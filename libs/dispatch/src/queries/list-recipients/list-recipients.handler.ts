import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { BadRequestError, decodeCursor, Page, paginate } from '@app/platform';
import { DataSource } from 'typeorm';
import { RECIPIENT_COLUMNS, RecipientRow, RecipientView, statusInSql, toRecipientView, UNKNOWN_ERROR_CODE } from '../recipient-view/recipient-view';
import { ListRecipientsQuery } from './list-recipients.query';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@QueryHandler(ListRecipientsQuery)
export class ListRecipientsHandler implements IQueryHandler<ListRecipientsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ campaignId, filter, limit, cursor }: ListRecipientsQuery): Promise<Page<RecipientView>> {
    const after = decodeCursor(cursor ?? undefined);
    // A well-formed cursor with a forged id would otherwise fail in the uuid cast: it is bad input.
    if (after && !UUID.test(after.id)) throw new BadRequestError('INVALID_CURSOR', 'cursor is not a value returned by this API');
    const params: unknown[] = [campaignId];
    const where = ['campaign_id = $1'];
    if (filter.statuses?.length) where.push(statusInSql(filter.statuses));
    if (filter.errorCode === UNKNOWN_ERROR_CODE) where.push('error_code IS NULL');
    else if (filter.errorCode !== undefined) where.push(`error_code = $${params.push(filter.errorCode)}`);
    if (after) where.push(`(created_at, id) < ($${params.push(after.createdAt)}::timestamptz, $${params.push(after.id)}::uuid)`);
    const rows: Array<RecipientRow & { created_at: Date }> = await this.db.query(
      `SELECT ${RECIPIENT_COLUMNS} FROM campaign_recipients
        WHERE ${where.join(' AND ')}
        ORDER BY created_at DESC, id DESC
        LIMIT $${params.push(limit + 1)}`,
      params,
    );
    const page = paginate(rows.map((r) => ({ createdAt: r.created_at, id: r.id, view: toRecipientView(r) })), limit);
    return { data: page.items.map((i) => i.view), next_cursor: page.next_cursor };
  }
}
