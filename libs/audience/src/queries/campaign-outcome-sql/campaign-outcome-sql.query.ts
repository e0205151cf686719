import { Query } from '@nestjs/cqrs';
import type { CampaignOutcome } from '../../domain/segment';

/**
 * A contract the module that keeps campaign recipients answers (audience sits below it): a SQL boolean
 * expression, true when the contact in `contactColumn` had `outcome` in the campaign whose id is the
 * parameter `campaignParam` (e.g. `$7`). Segments embed it, so past outcomes filter set-based in the same
 * statement that resolves the audience.
 */
export class CampaignOutcomeSqlQuery extends Query<string> {
  constructor(
    readonly outcome: CampaignOutcome,
    readonly campaignParam: string,
    readonly contactColumn: string,
  ) {
    super();
  }
}
