import { applyDecorators, Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { Command, CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, pageRequest, Scopes, WorkspaceId, withTotal } from '@app/platform';
import { CreateCampaignCommand } from '../commands/create-campaign/create-campaign.command';
import { DeleteCampaignCommand } from '../commands/delete-campaign/delete-campaign.command';
import { PauseCampaignCommand } from '../commands/pause-campaign/pause-campaign.command';
import { ResumeCampaignCommand } from '../commands/resume-campaign/resume-campaign.command';
import { RetryCampaignCommand } from '../commands/retry-campaign/retry-campaign.command';
import { CloneCampaignCommand } from '../commands/clone-campaign/clone-campaign.command';
import { TestSendCampaignCommand } from '../commands/test-send-campaign/test-send-campaign.command';
import { ScheduleCampaignCommand } from '../commands/schedule-campaign/schedule-campaign.command';
import { SendCampaignCommand } from '../commands/send-campaign/send-campaign.command';
import { AddCampaignRecipientsCommand } from '../commands/add-campaign-recipients/add-campaign-recipients.command';
import { SetCampaignAudienceCommand } from '../commands/set-campaign-audience/set-campaign-audience.command';
import { StopCampaignCommand } from '../commands/stop-campaign/stop-campaign.command';
import { UpdateCampaignCommand } from '../commands/update-campaign/update-campaign.command';
import type { CampaignAudience, CampaignProps } from '../domain/campaign.aggregate';
import { CampaignPresenter } from '../presentation/campaign.presenter';
import { CampaignFieldCoverageQuery } from '../queries/audience-field-coverage/campaign-field-coverage.query';
import { PreviewAudienceQuery } from '../queries/preview-audience/preview-audience.query';
import { RenderPreviewQuery } from '../queries/render-preview/render-preview.query';
import { GetCampaignQuery } from '../queries/get-campaign/get-campaign.query';
import { ListCampaignsQuery } from '../queries/list-campaigns/list-campaigns.query';
import { CampaignListResponseDto, CampaignResponseDto } from './dto/campaign.response.dto';
import {
  AddRecipientsDto, AddRecipientsResponseDto, AudiencePreviewResponseDto, CloneCampaignDto, FieldCoverageDto, FieldCoverageResponseDto, RenderPreviewDto,
  RenderPreviewResponseDto, RetryCampaignDto, RetryCampaignResponseDto, ScheduleCampaignDto, TestSendDto, TestSendResponseDto,
} from './dto/campaign-actions.dto';
import { AudienceDto, CreateCampaignDto, SendWindowDto } from './dto/create-campaign.dto';
import type { SendWindow } from '../domain/send-window';
import { UpdateCampaignDto } from './dto/update-campaign.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';
import { CampaignIdPipe } from '../domain/campaign.errors';


/**
 * The shared contract of send/schedule/pause/resume/stop: send scope, the campaign, transition errors. Each
 * method also carries `@HttpCode(200)` itself: the swagger plugin reads it from the method, not through here.
 */
const LifecycleAction = (operationId: string, summary: string, errors400: string, ...more: Parameters<typeof ApiErrors>) =>
  applyDecorators(
    Scopes('campaigns:send'),
    ApiOperation({ operationId, summary }),
    ApiOkResponse({ type: CampaignResponseDto }),
    ApiErrors([400, errors400], 404, [409, 'CONCURRENT_TRANSITION'], ...more),
  );

/** The API's send window in the domain's terms: undefined (unchanged), null (none) or the window. */
const sendWindowOf = (w: SendWindowDto | null | undefined): SendWindow | null | undefined =>
  w && { start: w.start, end: w.end, days: w.days, timezone: w.timezone, fallbackTimezone: w.fallback_timezone ?? null };

/** The optional fields a create sets and a PATCH may change, in the domain's terms (undefined: not given). */
const optionalFieldsOf = (dto: UpdateCampaignDto) => ({
  description: dto.description,
  channelId: dto.channel_id,
  batchSize: dto.batch_size,
  batchDelayMs: dto.batch_delay_ms,
  maxFailureRate: dto.max_failure_rate,
  sendWindow: sendWindowOf(dto.send_window),
  variableMapping: dto.variable_mapping,
});

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
  @ApiOperation({ operationId: 'createCampaign', summary: 'Create a campaign (DRAFT, or SCHEDULED when scheduled_at is given)' })
  @ApiBody({
    type: CreateCampaignDto,
    examples: {
      order_update: {
        summary: 'The demo template, to a group',
        description:
          'Replace `template_id` and the group id with ids of your workspace (`GET /templates`, `GET /groups`; `npm start` prints ' +
          "the demo's). `channel_id` may be left out when the workspace has one channel.",
        value: {
          name: 'Order shipped, May',
          template_id: '<template id from GET /templates>',
          variable_mapping: { body: { '1': { field: 'first_name', fallback: 'there' }, '2': { field: 'custom_fields.order_id' } } },
          audience: { groups: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'] },
        },
      },
      no_variables: {
        summary: 'A template without placeholders (e.g. hello_world), audience set later',
        description: 'Replace `template_id`; set the audience with `PUT /campaigns/{id}/audience` before sending.',
        value: { name: 'Hello', template_id: '<template id from GET /templates>' },
      },
    },
  })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  @ApiErrors([400, 'TEMPLATE_NOT_FOUND (no template with this id in the workspace), TEMPLATE_NOT_APPROVED, SCHEDULED_AT_IN_PAST, INVALID_AUDIENCE or VALIDATION_FAILED'], 409, [422, 'INVALID_VARIABLE_MAPPING or CHANNEL_REQUIRED'])
  create(@WorkspaceId() ws: string, @Body() dto: CreateCampaignDto) {
    return this.respond(
      new CreateCampaignCommand(ws, {
        name: dto.name,
        templateId: dto.template_id,
        ...optionalFieldsOf(dto),
        audience: dto.audience && toCampaignAudience(dto.audience),
        scheduledAt: dto.scheduled_at ? new Date(dto.scheduled_at) : null,
      }),
    );
  }

  @Get()
  @Scopes('campaigns:read')
  @ApiOperation({ operationId: 'listCampaigns', summary: 'List campaigns, newest first' })
  @ApiOkResponse({ type: CampaignListResponseDto })
  @ApiErrors(400)
  async list(@WorkspaceId() ws: string, @Query() q: ListCampaignsQueryDto) {
    const page = await this.queries.execute(new ListCampaignsQuery(ws, pageRequest(q), q.status));
    return withTotal({ data: await this.presenter.present(page.data), next_cursor: page.next_cursor }, page.total);
  }

  @Get(':id')
  @Scopes('campaigns:read')
  @ApiOperation({ operationId: 'getCampaign', summary: 'Get a campaign with its audiences' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors(404)
  async get(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.presenter.presentDetails(await this.queries.execute(new GetCampaignQuery(ws, id)));
  }

  @Patch(':id')
  @Scopes('campaigns:write')
  @ApiOperation({ operationId: 'updateCampaign', summary: 'Edit a DRAFT or SCHEDULED campaign' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors([400, 'Invalid input or INVALID_TRANSITION (not DRAFT/SCHEDULED)'], 404, 409, 422)
  update(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: UpdateCampaignDto) {
    return this.respond(
      new UpdateCampaignCommand(ws, id, { name: dto.name, templateId: dto.template_id, ...optionalFieldsOf(dto) }),
    );
  }

  @Delete(':id')
  @HttpCode(204)
  @Scopes('campaigns:write')
  @ApiOperation({ operationId: 'deleteCampaign', summary: 'Delete a DRAFT, SCHEDULED or finished campaign' })
  @ApiNoContentResponse()
  @ApiErrors([400, 'INVALID_TRANSITION: RUNNING or PAUSED'], 404, 409)
  async remove(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteCampaignCommand(ws, id));
  }

  @Put(':id/audience')
  @Scopes('campaigns:write')
  @ApiOperation({ operationId: 'setCampaignAudience', summary: 'Replace the audience (DRAFT or PAUSED only)' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors([400, 'Bad audience input, unknown group/source/segment/contact (INVALID_AUDIENCE) or INVALID_TRANSITION'], 404, 409)
  setAudience(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: AudienceDto) {
    return this.respond(new SetCampaignAudienceCommand(ws, id, toCampaignAudience(dto)));
  }

  @Post(':id/recipients')
  @HttpCode(200)
  @Scopes('campaigns:write')
  @ApiOperation({
    operationId: 'addCampaignRecipients',
    summary: 'Add recipients with values of their own (DRAFT or PAUSED only)',
    description:
      'Up to 10,000 per call, beside the audience: each by `phone` (a phone that is no contact yet becomes one) or `contact_id`, with `variables` ' +
      'that win over the variable mapping for that recipient (they appear in its `variables` and in the render preview). Adding a recipient ' +
      'again replaces its values. Each invalid entry is reported in `failed` with its index; the others are added. Body limit 10 MiB.',
  })
  @ApiOkResponse({ type: AddRecipientsResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_TRANSITION (not DRAFT or PAUSED)'], [404, 'CAMPAIGN_NOT_FOUND'], 413)
  async addRecipients(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: AddRecipientsDto): Promise<AddRecipientsResponseDto> {
    const r = await this.commands.execute(
      new AddCampaignRecipientsCommand(ws, id, dto.recipients.map((x) => ({ phone: x.phone, contactId: x.contact_id, variables: x.variables }))),
    );
    return { added: r.added, updated: r.updated, contacts_created: r.contactsCreated, failed: r.failed };
  }

  @Get(':id/audience/preview')
  @Scopes('campaigns:read')
  @ApiOperation({ operationId: 'previewCampaignAudience', summary: 'Resolve the audience without materialising it: total and a sample of up to 10' })
  @ApiOkResponse({ type: AudiencePreviewResponseDto })
  @ApiErrors(404)
  previewAudience(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.queries.execute(new PreviewAudienceQuery(ws, id));
  }

  @Post(':id/audience/field-coverage')
  @HttpCode(200)
  @Scopes('campaigns:read')
  @ApiOperation({ operationId: 'getCampaignFieldCoverage', summary: 'How many of the resolved audience have each field populated' })
  @ApiOkResponse({ type: FieldCoverageResponseDto })
  @ApiErrors([400, 'Unknown field (INVALID_FIELD) or invalid input'], 404)
  fieldCoverage(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: FieldCoverageDto) {
    return this.queries.execute(new CampaignFieldCoverageQuery(ws, id, dto.fields));
  }

  @Post(':id/preview')
  @HttpCode(200)
  @Scopes('campaigns:write')
  @ApiOperation({
    operationId: 'previewCampaignMessage',
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
  @HttpCode(200)
  @LifecycleAction(
    'sendCampaign',
    'Send now: DRAFT or SCHEDULED → RUNNING (emits campaign.started, then campaign.materialised with the real total_recipients)',
    'INVALID_TRANSITION, TEMPLATE_NOT_APPROVED',
    [422, 'INVALID_VARIABLE_MAPPING, or EMPTY_AUDIENCE: nobody to message (no member, or only opted-out ones; details.opted_out)'],
  )
  send(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new SendCampaignCommand(ws, id));
  }

  @Post(':id/schedule')
  @HttpCode(200)
  @LifecycleAction('scheduleCampaign', 'Schedule (or reschedule) at a future UTC time (emits campaign.scheduled)', 'INVALID_TRANSITION, SCHEDULED_AT_IN_PAST, TEMPLATE_NOT_APPROVED', 422)
  schedule(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: ScheduleCampaignDto) {
    return this.respond(new ScheduleCampaignCommand(ws, id, new Date(dto.scheduled_at)));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @LifecycleAction('pauseCampaign', 'Pause a RUNNING or SCHEDULED campaign: in-flight sends drain (emits campaign.paused)', 'INVALID_TRANSITION')
  pause(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new PauseCampaignCommand(ws, id));
  }

  @Post(':id/resume')
  @HttpCode(200)
  @LifecycleAction(
    'resumeCampaign',
    'Resume a PAUSED campaign (emits campaign.resumed); an audience replaced while paused is applied first',
    'INVALID_TRANSITION, TEMPLATE_NOT_APPROVED',
    [422, 'EMPTY_AUDIENCE: the resume would start a campaign that never ran, and nobody is there to message'],
  )
  resume(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new ResumeCampaignCommand(ws, id));
  }

  @Post(':id/stop')
  @HttpCode(200)
  @LifecycleAction('stopCampaign', 'Stop for good; undispatched recipients stay pending (emits campaign.stopped)', 'INVALID_TRANSITION')
  stop(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string) {
    return this.respond(new StopCampaignCommand(ws, id));
  }

  @Post(':id/retry')
  @HttpCode(200)
  @Scopes('campaigns:send')
  @ApiOperation({
    operationId: 'retryCampaign',
    summary: 'Send again to failed recipients: COMPLETED, STOPPED or FAILED → RUNNING (emits campaign.retried)',
    description:
      'Puts the failed recipients with the given codes (default: the retryable ones) back to pending, keeping their attempt count, ' +
      'and runs the campaign again. Nobody sent, delivered or read is messaged again; a stopped campaign\'s never-attempted ' +
      'recipients become skipped (`CAMPAIGN_STOPPED`) so only the failures go out. Stats keep counting each recipient once.',
  })
  @ApiOkResponse({ type: RetryCampaignResponseDto })
  @ApiErrors(
    [400, 'INVALID_TRANSITION, CODE_NOT_RETRYABLE, TEMPLATE_NOT_APPROVED or invalid input'],
    404,
    [409, 'CONCURRENT_TRANSITION'],
    [422, 'NOTHING_TO_RETRY: no failed recipient has one of the codes'],
  )
  async retry(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: RetryCampaignDto) {
    const { requeued, ...campaign } = await this.commands.execute(new RetryCampaignCommand(ws, id, dto.codes));
    return { ...(await this.presenter.presentOne(campaign)), requeued };
  }

  @Post(':id/clone')
  @Scopes('campaigns:write')
  @ApiOperation({
    operationId: 'cloneCampaign',
    summary: 'Copy a campaign (any status) as a new DRAFT, optionally to the recipients with a given outcome (emits campaign.created)',
    description:
      'Same template, channel, variable mapping, batch settings and audience; named `name` or "<name> (copy)". With `audience`, ' +
      "the copy's audience is a new group (named \"<name> — <outcome>\") of this campaign's recipients with that outcome.",
  })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  @ApiErrors(
    [400, 'Invalid input, TEMPLATE_NOT_APPROVED (the template is no longer approved)'],
    404,
    [422, 'OUTCOME_AUDIENCE_EMPTY: no recipient has that outcome; CHANNEL_REQUIRED'],
  )
  clone(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: CloneCampaignDto) {
    return this.respond(new CloneCampaignCommand(ws, id, dto.name, dto.audience));
  }

  @Post(':id/test')
  @HttpCode(200)
  @Scopes('campaigns:send')
  @ApiOperation({
    operationId: 'testSendCampaign',
    summary: 'Send the campaign\'s message now to up to 10 phones or contacts (DRAFT or SCHEDULED), outside its recipients and stats',
    description:
      'Rendered exactly as the campaign would render it, sent through the channel\'s client and rate limiter. The answer has one ' +
      'entry per phone: Meta\'s message id, or the error that stopped it. The campaign\'s state and stats do not change; each test ' +
      'appears in the campaign\'s timeline (`test`).',
  })
  @ApiOkResponse({ type: TestSendResponseDto })
  @ApiErrors([400, 'INVALID_TRANSITION, TEST_TARGETS_REQUIRED, TEMPLATE_NOT_APPROVED or invalid input'], 404, [422, 'CHANNEL_REQUIRED'])
  async test(@WorkspaceId() ws: string, @Param('id', CampaignIdPipe) id: string, @Body() dto: TestSendDto) {
    const results = await this.commands.execute(new TestSendCampaignCommand(ws, id, dto.phones ?? [], dto.contact_ids ?? []));
    return { data: results.map((r) => ({ phone: r.phone, contact_id: r.contactId, wamid: r.wamid, error: r.error })) };
  }
}

function toCampaignAudience(dto: AudienceDto): CampaignAudience {
  return { groups: dto.groups ?? [], sources: dto.sources ?? [], segments: dto.segments ?? [], contactIds: dto.contact_ids ?? [] };
}
