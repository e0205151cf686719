import { Body, Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import { RegisterTemplateCommand } from '../commands/register-template/register-template.command';
import { SyncTemplatesCommand } from '../commands/sync-templates/sync-templates.command';
import { GetTemplateByIdQuery } from '../queries/get-template-by-id/get-template-by-id.query';
import { ListTemplatesQuery } from '../queries/list-templates/list-templates.query';
import { presentSync, presentTemplate } from './catalog.presenter';
import { CreateTemplateDto } from './dto/create-template.dto';
import { ListTemplatesQueryDto } from './dto/list-templates.query.dto';
import { SyncTemplatesDto } from './dto/sync-templates.dto';
import { SyncTemplatesResponseDto, TemplateListResponseDto, TemplateResponseDto } from './dto/template.response.dto';
import { TemplateIdPipe } from '../domain/catalog.errors';


@ApiTags('Templates')
@Controller('templates')
export class TemplatesController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('templates:write')
  @ApiOperation({
    operationId: 'createTemplate',
    summary: 'Register a WhatsApp template',
    description:
      'Stores a template approved at Meta (status defaults to APPROVED: the operator vouches for it). `variables` is derived from ' +
      'the `{{n}}` placeholders. (name, language) is unique per workspace: 409 TEMPLATE_ALREADY_EXISTS. Malformed components or ' +
      'placeholders: 400 INVALID_TEMPLATE with every problem in `details`.',
  })
  @ApiCreatedResponse({ type: TemplateResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_TEMPLATE'], [409, 'TEMPLATE_ALREADY_EXISTS, or IDEMPOTENCY_KEY_IN_USE'], [422, 'IDEMPOTENCY_KEY_REUSED'])
  async register(@WorkspaceId() ws: string, @Body() dto: CreateTemplateDto) {
    const template = await this.commands.execute(
      new RegisterTemplateCommand(ws, {
        name: dto.name,
        language: dto.language,
        category: dto.category,
        status: dto.status,
        metaTemplateId: dto.meta_template_id,
        components: dto.components,
      }),
    );
    return presentTemplate(template);
  }

  @Post('sync')
  @HttpCode(HttpStatus.OK)
  @Scopes('templates:write')
  @ApiOperation({
    operationId: 'syncTemplates',
    summary: "Pull the channel's WABA templates from the Graph API",
    description:
      'Upserts every template of the WABA (matched by Meta id, else by name and language). Templates this engine cannot send ' +
      '(unsupported components or placeholders) are listed in `skipped` and not stored. A status change publishes the same ' +
      'internal event as the status webhook. Graph API failure: 502 TEMPLATE_SYNC_FAILED, nothing changed.',
  })
  @ApiOkResponse({ type: SyncTemplatesResponseDto })
  @ApiErrors(400, [404, 'Channel not found in this workspace'], [502, 'TEMPLATE_SYNC_FAILED: the Graph API failed or refused'])
  async sync(@WorkspaceId() ws: string, @Body() dto: SyncTemplatesDto) {
    return presentSync(await this.commands.execute(new SyncTemplatesCommand(ws, dto.channel_id)));
  }

  @Get()
  @Scopes('templates:read')
  @ApiOperation({ operationId: 'listTemplates', summary: 'List templates, newest first' })
  @ApiOkResponse({ type: TemplateListResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_CURSOR'])
  async list(@WorkspaceId() ws: string, @Query() q: ListTemplatesQueryDto) {
    const page = await this.queries.execute(
      new ListTemplatesQuery(ws, pageRequest(q), { statuses: q.status, name: q.name, language: q.language }),
    );
    return mapPage(page, presentTemplate);
  }

  @Get(':id')
  @Scopes('templates:read')
  @ApiOperation({ operationId: 'getTemplate', summary: 'Get a template by its id' })
  @ApiOkResponse({ type: TemplateResponseDto })
  @ApiErrors([400, 'The id is not a UUID'], 404)
  async get(@WorkspaceId() ws: string, @Param('id', TemplateIdPipe) id: string) {
    return presentTemplate(await this.queries.execute(new GetTemplateByIdQuery(ws, id)));
  }
}
