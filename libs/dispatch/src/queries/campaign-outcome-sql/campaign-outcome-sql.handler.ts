import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignOutcome, CampaignOutcomeSqlQuery } from '@app/audience';
import { RecipientStatus } from '../../domain/recipient-status';

/** The recipient statuses that mean each outcome: the funnel is cumulative (read ⊂ delivered ⊂ sent). */
const STATUSES: Record<CampaignOutcome, RecipientStatus[]> = {
  sent: [RecipientStatus.SENT, RecipientStatus.DELIVERED, RecipientStatus.READ],
  received: [RecipientStatus.DELIVERED, RecipientStatus.READ],
  read: [RecipientStatus.READ],
  failed: [RecipientStatus.FAILED],
};

/** Answers the audience module's contract with a semi-join Postgres serves from (campaign_id, status, seq). */
@QueryHandler(CampaignOutcomeSqlQuery)
export class CampaignOutcomeSqlHandler implements IQueryHandler<CampaignOutcomeSqlQuery> {
  async execute({ outcome, campaignParam, contactColumn }: CampaignOutcomeSqlQuery) {
    const statuses = STATUSES[outcome].map((s) => `'${s}'`).join(', ');
    return `EXISTS (SELECT 1 FROM campaign_recipients r WHERE r.campaign_id = ${campaignParam}::uuid AND r.contact_id = ${contactColumn} AND r.status IN (${statuses}))`;
  }
}
