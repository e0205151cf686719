import type { QueryBus } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import { ListRecipientsQuery, RecipientFilter, RecipientView } from '@app/dispatch';
import { csvLine } from '../domain/csv';

export const CSV_COLUMNS: ReadonlyArray<keyof RecipientView> = [
  'id', 'contact_id', 'phone_number', 'status', 'message_id', 'error_code', 'error', 'variables', 'sent_at', 'delivered_at', 'read_at', 'failed_at',
];

/** Rows fetched per keyset query while exporting: memory stays at one chunk whatever the campaign size. */
export const EXPORT_CHUNK = 5_000;

/**
 * The CSV export as a lazily pulled sequence of chunks: the next chunk is only queried once the client has
 * taken the previous one (backpressure through the stream it is piped into). `first` is the already
 * fetched first chunk, so that a failing query still answers a proper error before the headers go out.
 */
export async function* recipientsCsv(queries: QueryBus, campaignId: string, filter: RecipientFilter, first: Page<RecipientView>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  let page = first;
  for (;;) {
    if (page.data.length) yield page.data.map((r) => csvLine(CSV_COLUMNS.map((c) => r[c]))).join('');
    if (!page.next_cursor) return;
    page = await queries.execute(new ListRecipientsQuery(campaignId, filter, EXPORT_CHUNK, page.next_cursor));
  }
}
