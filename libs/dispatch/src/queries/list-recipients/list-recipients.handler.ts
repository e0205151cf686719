import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { decodeSeqCursor, encodeSeqCursor, Page, withTotal } from '@app/platform';
import { DataSource } from 'typeorm';
import { RECIPIENT_COLUMNS, RecipientRow, RecipientView, internalStatuses, statusInSql, toRecipientView, UNKNOWN_ERROR_CODE } from '../recipient-view/recipient-view';
import { ListRecipientsQuery } from './list-recipients.query';

@QueryHandler(ListRecipientsQuery)
export class ListRecipientsHandler implements IQueryHandler<ListRecipientsQuery> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async execute({ campaignId, filter, limit, cursor, includeTotal }: ListRecipientsQuery): Promise<Page<RecipientView>> {
    const after = decodeSeqCursor(cursor ?? undefined);
    const params: unknown[] = [campaignId];
    const where = ['campaign_id = $1'];
    if (filter.errorCode === UNKNOWN_ERROR_CODE) where.push('error_code IS NULL');
    else if (filter.errorCode !== undefined) where.push(`error_code = $${params.push(filter.errorCode)}`);
    const total = includeTotal ? await this.count(filter, where, params) : undefined;
    if (after !== null) where.push(`seq < $${params.push(after)}::bigint`);
    const take = `$${params.push(limit + 1)}`;
    // The table has no (campaign_id, seq) index (it would slow every materialisation): one keyset range per
    // status from (campaign_id, status, seq), merged. Literal statuses let the errors drill-down use its
    // partial index.
    const perStatus = internalStatuses(filter.statuses).map(
      (status) => `(SELECT ${RECIPIENT_COLUMNS}, seq FROM campaign_recipients
                     WHERE ${where.join(' AND ')} AND status = '${status}' ORDER BY seq DESC LIMIT ${take})`,
    );
    const rows: Array<RecipientRow & { seq: string }> = await this.db.query(
      `SELECT * FROM (${perStatus.join(' UNION ALL ')}) r ORDER BY seq DESC LIMIT ${take}`,
      params,
    );
    const items = rows.slice(0, limit);
    const page = { data: items.map(toRecipientView), next_cursor: rows.length > limit ? encodeSeqCursor(items[items.length - 1].seq) : null };
    return withTotal(page, total);
  }

  private async count(filter: ListRecipientsQuery['filter'], where: string[], params: unknown[]): Promise<number> {
    const statuses = filter.statuses?.length ? ` AND ${statusInSql(filter.statuses)}` : '';
    const [row] = await this.db.query(`SELECT count(*)::int AS n FROM campaign_recipients WHERE ${where.join(' AND ')}${statuses}`, [...params]);
    return row.n;
  }
}
