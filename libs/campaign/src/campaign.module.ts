import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplyTemplateStatusHandler } from './commands/apply-template-status/apply-template-status.handler';
import { AutoPauseCampaignHandler } from './commands/auto-pause-campaign/auto-pause-campaign.handler';
import { CampaignReferences } from './commands/campaign-references';
import { CampaignTransition } from './commands/campaign-transition';
import { CompleteCampaignHandler } from './commands/complete-campaign/complete-campaign.handler';
import { CreateCampaignHandler } from './commands/create-campaign/create-campaign.handler';
import { DeleteCampaignHandler } from './commands/delete-campaign/delete-campaign.handler';
import { FailCampaignHandler } from './commands/fail-campaign/fail-campaign.handler';
import { PauseCampaignHandler } from './commands/pause-campaign/pause-campaign.handler';
import { RecordMaterialisedHandler } from './commands/record-materialised/record-materialised.handler';
import { ResumeCampaignHandler } from './commands/resume-campaign/resume-campaign.handler';
import { RetryCampaignHandler } from './commands/retry-campaign/retry-campaign.handler';
import { CloneCampaignHandler } from './commands/clone-campaign/clone-campaign.handler';
import { TestSendCampaignHandler } from './commands/test-send-campaign/test-send-campaign.handler';
import { ScheduleCampaignHandler } from './commands/schedule-campaign/schedule-campaign.handler';
import { SendCampaignHandler } from './commands/send-campaign/send-campaign.handler';
import { AddCampaignRecipientsHandler } from './commands/add-campaign-recipients/add-campaign-recipients.handler';
import { SetCampaignAudienceHandler } from './commands/set-campaign-audience/set-campaign-audience.handler';
import { StartScheduledCampaignHandler } from './commands/start-scheduled-campaign/start-scheduled-campaign.handler';
import { StopCampaignHandler } from './commands/stop-campaign/stop-campaign.handler';
import { UpdateCampaignHandler } from './commands/update-campaign/update-campaign.handler';
import { CampaignEntity } from './database/campaign.entity';
import { CampaignRepository } from './database/campaign.repository';
import { CampaignsController } from './http/campaigns.controller';
import { CampaignPresenter } from './presentation/campaign.presenter';
import { ChannelUsageHandler } from './queries/channel-usage/channel-usage.handler';
import { CampaignFieldCoverageHandler } from './queries/audience-field-coverage/campaign-field-coverage.handler';
import { FindCampaignsToReconcileHandler } from './queries/find-campaigns-to-reconcile/find-campaigns-to-reconcile.handler';
import { GetCampaignDispatchInfoHandler } from './queries/get-dispatch-info/get-dispatch-info.handler';
import { GetCampaignHandler } from './queries/get-campaign/get-campaign.handler';
import { GetCampaignStatusHandler } from './queries/get-campaign-status/get-campaign-status.handler';
import { ListScheduledStartsHandler } from './queries/list-scheduled-starts/list-scheduled-starts.handler';
import { ListCampaignsHandler } from './queries/list-campaigns/list-campaigns.handler';
import { PreviewAudienceHandler } from './queries/preview-audience/preview-audience.handler';
import { RenderPreviewHandler } from './queries/render-preview/render-preview.handler';
import { TemplateStatusSaga } from './sagas/template-status.saga';
import { CampaignRecipientsSaga } from './sagas/campaign-recipients.saga';

const commandHandlers = [
  CreateCampaignHandler,
  UpdateCampaignHandler,
  DeleteCampaignHandler,
  SetCampaignAudienceHandler,
  AddCampaignRecipientsHandler,
  SendCampaignHandler,
  ScheduleCampaignHandler,
  PauseCampaignHandler,
  ResumeCampaignHandler,
  StopCampaignHandler,
  RetryCampaignHandler,
  CloneCampaignHandler,
  TestSendCampaignHandler,
  StartScheduledCampaignHandler,
  CompleteCampaignHandler,
  FailCampaignHandler,
  AutoPauseCampaignHandler,
  RecordMaterialisedHandler,
  ApplyTemplateStatusHandler,
];
const queryHandlers = [
  GetCampaignHandler,
  GetCampaignDispatchInfoHandler,
  FindCampaignsToReconcileHandler, ListCampaignsHandler, PreviewAudienceHandler, CampaignFieldCoverageHandler, RenderPreviewHandler,
  ChannelUsageHandler,
  GetCampaignStatusHandler,
  ListScheduledStartsHandler,
];

@Module({
  imports: [TypeOrmModule.forFeature([CampaignEntity])],
  controllers: [CampaignsController],
  providers: [CampaignRepository, CampaignPresenter, CampaignReferences, CampaignTransition, TemplateStatusSaga, CampaignRecipientsSaga, ...commandHandlers, ...queryHandlers],
  // Analytics answers refresh-metrics with the campaign object.
  exports: [CampaignPresenter],
})
export class CampaignModule {}
