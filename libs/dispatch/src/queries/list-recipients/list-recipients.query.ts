import { Query } from '@nestjs/cqrs';
import type { Page } from '@app/platform';
import type { PublicRecipientStatus } from '../../domain/recipient-status';
import type { RecipientView } from '../recipient-view/recipient-view';

export interface RecipientFilter {
  /** Public statuses; `queued` also matches rows being sent (internal `sending`). Empty or absent: all. */
  statuses?: readonly PublicRecipientStatus[];
  /** Only rows with this error code; `UNKNOWN_ERROR_CODE` matches rows without one. */
  errorCode?: string;
}

/**
 * One keyset page of a campaign's recipients, newest first (`seq DESC`: materialisation order). `limit` is not
 * capped here: the HTTP layer caps pages, exports read bigger chunks.
 */
export class ListRecipientsQuery extends Query<Page<RecipientView>> {
  constructor(
    readonly campaignId: string,
    readonly filter: RecipientFilter,
    readonly limit: number,
    readonly cursor?: string | null,
    /** Also count every row the filter matches (`total`). */
    readonly includeTotal = false,
  ) {
    super();
  }
}
