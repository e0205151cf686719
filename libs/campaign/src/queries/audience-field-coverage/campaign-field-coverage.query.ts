import { Query } from '@nestjs/cqrs';
import type { FieldCoverage } from '@app/audience';

/** For each field, how many of the campaign's resolved audience have it populated. */
export class CampaignFieldCoverageQuery extends Query<FieldCoverage> {
  constructor(
    readonly workspaceId: string,
    readonly campaignId: string,
    readonly fields: string[],
  ) {
    super();
  }
}
