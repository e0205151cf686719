import { Query } from '@nestjs/cqrs';

export interface AudiencePreview {
  total: number;
  opted_out: number;
  sample: Array<{ id: string; first_name: string | null; last_name: string | null; phone: string }>;
}

/** How many the audience would hit now, and up to 10 of them; nothing is materialised. */
export class PreviewAudienceQuery extends Query<AudiencePreview> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
  ) {
    super();
  }
}
