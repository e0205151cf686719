import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { Command, CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, pageRequest, Scopes, WorkspaceId, withTotal } from '@app/platform';
import { CreateCampaignCommand } from '../commands/create-campaign/create-campaign.command';
import { DeleteCampaignCommand } from '../commands/delete-campaign/delete-campaign.command';
import { PauseCampaignCommand } from '../commands/pause-campaign/pause-campaign.command';
import { ResumeCampaignCommand } from '../commands/resume-campaign/resume-campaign.command';
import { ScheduleCampaignCommand } from '../commands/schedule-campaign/schedule-campaign.command';
import { SendCampaignCommand } from '../commands/send-campaign/send-campaign.command';
import { SetCampaignAudienceCommand } from '../commands/set-campaign-audience/set-campaign-audience.command';
import { StopCampaignCommand } from '../commands/stop-campaign/stop-campaign.command';
import { UpdateCampaignCommand } from '../commands/update-campaign/update-campaign.command';
import type { CampaignProps } from '../domain/campaign.aggregate';
import { CampaignPresenter } from '../presentation/campaign.presenter';
import { CampaignFieldCoverageQuery } from '../queries/audience-field-coverage/campaign-field-coverage.query';
import { PreviewAudienceQuery } from '../queries/preview-audience/preview-audience.query';
import { RenderPreviewQuery } from '../queries/render-preview/render-preview.query';
import { GetCampaignQuery } from '../queries/get-campaign/get-campaign.query';
import { ListCampaignsQuery } from '../queries/list-campaigns/list-campaigns.query';
import { CampaignListResponseDto, CampaignResponseDto } from './dto/campaign.response.dto';
import {
  AudiencePreviewResponseDto, FieldCoverageDto, FieldCoverageResponseDto, RenderPreviewDto, RenderPreviewResponseDto, ScheduleCampaignDto,
} from './dto/campaign-actions.dto';
import { AudienceDto, CreateCampaignDto } from './dto/create-campaign.dto';
import { UpdateCampaignDto } from './dto/update-campaign.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';
import { CampaignIdPipe } from '../domain/campaign.errors';


/** The shared contract of send/schedule/pause/resume/stop: 200 with the campaign, send scope, transition errors. */
const LifecycleAction = (summary: string, errors400: string, ...more: Parameters<typeof ApiErrors>) =>
  applyDecorators(
    HttpCode(200),
    Scopes('campaigns:send'),
    ApiOperation({ summary }),
    ApiOkResponse({ type: CampaignResponseDto }),
    ApiErrors([400, errors400], 404, [409, 'CONCURRENT_TRANSITION'], ...more),
  );

@ApiTags('Campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly presenter: CampaignPresenter,
  ) {}

  /** Runs a use case that answers the campaign and responds with the campaign object. */
  private async respond(command: Command<Readonly<CampaignProps>>) {
    return this.presenter.presentOne(await this.commands.execute(command));
  }

  @Post()
  @Scopes('campaigns:write')
  @ApiOperation({ summary: 'Create a campaign (DRAFT, or SCHEDULED when scheduled_at is given)' })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  @ApiErrors(400, 409, 422)
  create(@WorkspaceId() ws: string, @Body() dto: CreateCampaignDto) {
    return this.respond(
      new CreateCampaignCommand(ws, {
        name: dto.name,
        description: dto.description,
        templateId: dto.template_id,
        channelId: dto.channel_id,
        batchSize: dto.batch_size,
        batchDelayMs: dto.batch_delay_ms,
        variableMapping: dto.variable_mapping,
        audience: dto.audience,
        scheduledAt: dto.scheduled_at ? new Date(dto.scheduled_at) : null,
      }),
    );
  }

  @Get()
  @Scopes('campaigns:read')
  @ApiOperation({ summary: 'List campaigns, newest first' })
  @ApiOkResponse({ type: CampaignListResponseDto })
  @ApiErrors(400)
  async list(@WorkspaceId() ws: string, @Query() q: ListCampaignsQueryDto) {
    const page = await this.queries.execute(new ListCampaignsQuery(ws, pageRequest(q), q.status));
    return withTotal({ data: await this.presenter.present(page.data), next_cursor: page.next_cursor }, page.total);
  }

  @Get(':id')
  @Scopes('campaigns:read')
  @ApiOperation({ summary: 'Get a campaign with its audiences' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors(404)
  async get(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.presenter.presentDetails(await this.queries.execute(new GetCampaignQuery(ws, id)));
  }

  @Patch(':id')
  @Scopes('campaigns:write')
  @ApiOperation({ summary: 'Edit a DRAFT or SCHEDULED campaign' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors([400, 'Invalid input or INVALID_TRANSITION (not DRAFT/SCHEDULED)'], 404, 409, 422)
  update(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: UpdateCampaignDto) {
    return this.respond(
      new UpdateCampaignCommand(ws, id, {
        name: dto.name,
        description: dto.description,
        templateId: dto.template_id,
        channelId: dto.channel_id,
        batchSize: dto.batch_size,
        batchDelayMs: dto.batch_delay_ms,
        variableMapping: dto.variable_mapping,
      }),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('campaigns:write')
  @ApiOperation({ summary: 'Delete a DRAFT, SCHEDULED or finished campaign' })
  @ApiNoContentResponse()
  @ApiErrors([400, 'INVALID_TRANSITION: RUNNING or PAUSED'], 404, 409)
  async remove(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteCampaignCommand(ws, id));
  }

  @Put(':id/audience')
  @Scopes('campaigns:write')
  @ApiOperation({ summary: 'Replace the audience (DRAFT or PAUSED only)' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors([400, 'Bad audience input, unknown group/source (INVALID_AUDIENCE) or INVALID_TRANSITION'], 404, 409)
  setAudience(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: AudienceDto) {
    return this.respond(new SetCampaignAudienceCommand(ws, id, { groups: dto.groups ?? [], sources: dto.sources ?? [] }));
  }

  @Get(':id/audience/preview')
  @Scopes('campaigns:read')
  @ApiOperation({ summary: 'Resolve the audience without materialising it: total and a sample of up to 10' })
  @ApiOkResponse({ type: AudiencePreviewResponseDto })
  @ApiErrors(404)
  previewAudience(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.queries.execute(new PreviewAudienceQuery(ws, id));
  }

  @Post(':id/audience/field-coverage')
  @HttpCode(200)
  @Scopes('campaigns:read')
  @ApiOperation({ summary: 'How many of the resolved audience have each field populated' })
  @ApiOkResponse({ type: FieldCoverageResponseDto })
  @ApiErrors([400, 'Unknown field (INVALID_FIELD) or invalid input'], 404)
  fieldCoverage(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: FieldCoverageDto) {
    return this.queries.execute(new CampaignFieldCoverageQuery(ws, id, dto.fields));
  }

  @Post(':id/preview')
  @HttpCode(200)
  @Scopes('campaigns:write')
  @ApiOperation({
    summary: 'Render the template for one contact exactly as it would be sent',
    description:
      "Personal data: the rendered text shows the contact fields the mapping names, so this reads contact data with `campaigns:write` only. " +
      "That is why `sample_contact_id` must be a member of the campaign's audience (404 `CONTACT_NOT_FOUND` otherwise).",
  })
  @ApiOkResponse({ type: RenderPreviewResponseDto })
  @ApiErrors([400, 'Empty audience (AUDIENCE_EMPTY) or invalid input'], [404, 'CAMPAIGN_NOT_FOUND, or CONTACT_NOT_FOUND: the sample contact is not in the audience'])
  renderPreview(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: RenderPreviewDto) {
    return this.queries.execute(new RenderPreviewQuery(ws, id, dto.sample_contact_id));
  }

  @Post(':id/send')
  @LifecycleAction('Send now: DRAFT or SCHEDULED → RUNNING (emits campaign.started)', 'INVALID_TRANSITION, TEMPLATE_NOT_APPROVED', 422)
  send(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new SendCampaignCommand(ws, id));
  }

  @Post(':id/schedule')
  @LifecycleAction('Schedule (or reschedule) at a future UTC time (emits campaign.scheduled)', 'INVALID_TRANSITION, SCHEDULED_AT_IN_PAST, TEMPLATE_NOT_APPROVED', 422)
  schedule(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: ScheduleCampaignDto) {
    return this.respond(new ScheduleCampaignCommand(ws, id, new Date(dto.scheduled_at)));
  }

  @Post(':id/pause')
  @LifecycleAction('Pause a RUNNING or SCHEDULED campaign: in-flight sends drain (emits campaign.paused)', 'INVALID_TRANSITION')
  pause(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new PauseCampaignCommand(ws, id));
  }

  @Post(':id/resume')
  @LifecycleAction('Resume a PAUSED campaign (emits campaign.resumed)', 'INVALID_TRANSITION, TEMPLATE_NOT_APPROVED')
  resume(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new ResumeCampaignCommand(ws, id));
  }

  @Post(':id/stop')
  @LifecycleAction('Stop for good; undispatched recipients stay pending (emits campaign.stopped)', 'INVALID_TRANSITION')
  stop(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new StopCampaignCommand(ws, id));
  }
}
