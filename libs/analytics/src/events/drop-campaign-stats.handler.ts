import { EventsHandler, IEventHandler } from '@nestjs/cqrs';
import { InjectDataSource } from '@nestjs/typeorm';
import { CampaignDeletedEvent } from '@app/campaign';
import { DataSource } from 'typeorm';

@EventsHandler(CampaignDeletedEvent)
export class DropCampaignStatsHandler implements IEventHandler<CampaignDeletedEvent> {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async handle({ campaignId }: CampaignDeletedEvent): Promise<void> {
    await this.db.query(`DELETE FROM campaign_stats WHERE campaign_id = $1`, [campaignId]);
  }
}
