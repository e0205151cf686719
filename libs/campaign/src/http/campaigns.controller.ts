import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Scopes, WorkspaceId } from '@app/platform';
import { CreateCampaignCommand } from '../commands/create-campaign/create-campaign.command';
import { GetCampaignQuery } from '../queries/get-campaign/get-campaign.query';
import { ListCampaignsQuery } from '../queries/list-campaigns/list-campaigns.query';
import { CampaignListResponseDto, CampaignResponseDto } from './dto/campaign.response.dto';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { ListCampaignsQueryDto } from './dto/list-campaigns.query.dto';

export const IdempotencyHeader = () =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first response for 24 h (1-255 chars)' });

@ApiTags('Campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('campaigns:write')
  @IdempotencyHeader()
  @ApiOperation({ summary: 'Create a campaign (DRAFT, or SCHEDULED when scheduled_at is given)' })
  @ApiCreatedResponse({ type: CampaignResponseDto })
  @ApiErrors(400, 409, 422)
  create(@WorkspaceId() ws: string, @Body() dto: CreateCampaignDto) {
    return this.commands.execute(
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
  list(@WorkspaceId() ws: string, @Query() q: ListCampaignsQueryDto) {
    return this.queries.execute(new ListCampaignsQuery(ws, q.limit, q.cursor, q.status));
  }

  @Get(':id')
  @Scopes('campaigns:read')
  @ApiOperation({ summary: 'Get a campaign with its audiences' })
  @ApiOkResponse({ type: CampaignResponseDto })
  @ApiErrors(404)
  get(@WorkspaceId() ws: string, @Param('id', ParseUUIDPipe) id: string) {
    return this.queries.execute(new GetCampaignQuery(ws, id));
  }
}
