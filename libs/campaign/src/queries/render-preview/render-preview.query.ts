import { Query } from '@nestjs/cqrs';

export interface RenderPreview {
  campaign_id: string;
  sample_contact_id: string;
  resolved_components: Array<Record<string, unknown>>;
  /** Placeholders this contact has no value for (it would be skipped with MISSING_VARIABLE). */
  missing_variables: string[];
}

/** Renders the campaign's template for one contact (given, or the first of the audience), exactly as it would be sent. */
export class RenderPreviewQuery extends Query<RenderPreview> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly sampleContactId?: string,
  ) {
    super();
  }
}
