import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CampaignRepository } from '../../database/campaign.repository';
import { FindCampaignsToReconcileQuery } from './find-campaigns-to-reconcile.query';

@QueryHandler(FindCampaignsToReconcileQuery)
export class FindCampaignsToReconcileHandler implements IQueryHandler<FindCampaignsToReconcileQuery> {
  constructor(private readonly campaigns: CampaignRepository) {}

  async execute({ now }: FindCampaignsToReconcileQuery) {
    const [due, running] = await Promise.all([this.campaigns.findDueScheduled(now), this.campaigns.findRunningIds()]);
    return { dueScheduled: due.map((c) => c.id), running };
  }
}
