import type { QueryBus } from '@nestjs/cqrs';
import { csvLine, type Page } from '@app/platform';
import { ListRecipientsQuery, RecipientFilter, RecipientView } from '@app/dispatch';

export const CSV_COLUMNS: ReadonlyArray<keyof RecipientView> = [
  'id', 'contact_id', 'phone_number', 'status', 'message_id', 'error_code', 'error', 'variables', 'sent_at', 'delivered_at', 'read_at', 'failed_at',
];

/** Rows fetched per keyset query while exporting: memory stays at a couple of chunks whatever the campaign size. */
export const EXPORT_CHUNK = 5_000;

/**
 * The CSV export as a lazily pulled sequence of chunks: the stream it feeds (read-ahead of one chunk) only
 * pulls the next once the client has taken the previous ones, so memory stays at a couple of chunks. The
 * next chunk's query runs while the current one is formatted. `first` is the already fetched first chunk,
 * so that a failing query still answers a proper error before the headers go out.
 */
export async function* recipientsCsv(queries: QueryBus, campaignId: string, filter: RecipientFilter, first: Page<RecipientView>): AsyncGenerator<string> {
  yield csvLine(CSV_COLUMNS);
  let page = first;
  for (;;) {
    const next = page.next_cursor ? queries.execute(new ListRecipientsQuery(campaignId, filter, EXPORT_CHUNK, page.next_cursor)) : null;
    // Handled when awaited below; without this an error while the consumer is slow would be "unhandled".
    next?.catch(() => undefined);
    if (page.data.length) yield page.data.map((r) => csvLine(CSV_COLUMNS.map((c) => r[c]))).join('');
    if (!next) return;
    page = await next;
  }
}
