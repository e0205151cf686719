import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CampaignReferences } from './commands/campaign-references';
import { CreateCampaignHandler } from './commands/create-campaign/create-campaign.handler';
import { CampaignEntity } from './database/campaign.entity';
import { CampaignRepository } from './database/campaign.repository';
import { CampaignsController } from './http/campaigns.controller';
import { CampaignPresenter } from './queries/campaign.presenter';
import { GetCampaignHandler } from './queries/get-campaign/get-campaign.handler';
import { ListCampaignsHandler } from './queries/list-campaigns/list-campaigns.handler';

@Module({
  imports: [TypeOrmModule.forFeature([CampaignEntity])],
  controllers: [CampaignsController],
  providers: [CampaignRepository, CampaignPresenter, CampaignReferences, CreateCampaignHandler, GetCampaignHandler, ListCampaignsHandler],
})
export class CampaignModule {}
