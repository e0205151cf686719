import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, PageQueryDto, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import { CreateChannelCommand } from '../commands/create-channel/create-channel.command';
import { DeleteChannelCommand } from '../commands/delete-channel/delete-channel.command';
import { GetChannelQuery } from '../queries/get-channel/get-channel.query';
import { ListChannelsQuery } from '../queries/list-channels/list-channels.query';
import { presentChannel } from './catalog.presenter';
import { ChannelListResponseDto, ChannelResponseDto } from './dto/channel.response.dto';
import { CreateChannelDto } from './dto/create-channel.dto';
import { ChannelIdPipe } from '../domain/catalog.errors';

/** Every channel endpoint needs `channels:write`, reads included: they expose sender configuration. */
@ApiTags('Channels')
@Controller('channels')
export class ChannelsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('channels:write')
  @ApiOperation({
    operationId: 'createChannel',
    summary: 'Register a WhatsApp sender (one business phone number)',
    description:
      '`access_token` and `app_secret` are encrypted at rest and never returned. phone_number_id is unique per workspace: ' +
      '409 CHANNEL_ALREADY_EXISTS.',
  })
  @ApiCreatedResponse({ type: ChannelResponseDto })
  @ApiErrors(400, [409, 'CHANNEL_ALREADY_EXISTS, or IDEMPOTENCY_KEY_IN_USE'], [422, 'IDEMPOTENCY_KEY_REUSED'])
  async create(@WorkspaceId() ws: string, @Body() dto: CreateChannelDto) {
    const channel = await this.commands.execute(
      new CreateChannelCommand(ws, {
        name: dto.name,
        phoneNumberId: dto.phone_number_id,
        wabaId: dto.waba_id,
        accessToken: dto.access_token,
        appSecret: dto.app_secret,
        apiBaseUrl: dto.api_base_url,
        messagesPerSecond: dto.messages_per_second,
        messagingLimit: dto.messaging_limit,
      }),
    );
    return presentChannel(channel);
  }

  @Get()
  @Scopes('channels:write')
  @ApiOperation({ operationId: 'listChannels', summary: 'List channels, newest first' })
  @ApiOkResponse({ type: ChannelListResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED or INVALID_CURSOR'])
  async list(@WorkspaceId() ws: string, @Query() q: PageQueryDto) {
    return mapPage(await this.queries.execute(new ListChannelsQuery(ws, pageRequest(q))), presentChannel);
  }

  @Get(':id')
  @Scopes('channels:write')
  @ApiOperation({ operationId: 'getChannel', summary: 'Get a channel (without its secrets)' })
  @ApiOkResponse({ type: ChannelResponseDto })
  @ApiErrors([400, 'The id is not a UUID'], 404)
  async get(@WorkspaceId() ws: string, @Param('id', ChannelIdPipe) id: string) {
    return presentChannel(await this.queries.execute(new GetChannelQuery(ws, id)));
  }

  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Scopes('channels:write')
  @ApiOperation({
    operationId: 'deleteChannel',
    summary: 'Delete a channel',
    description: 'Refused with 409 `CHANNEL_IN_USE` (listing `details.campaign_ids`) while a DRAFT, SCHEDULED, RUNNING or PAUSED campaign uses it.',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors([400, 'The id is not a UUID'], 404, [409, 'CHANNEL_IN_USE: a campaign that can still send uses the channel'])
  async remove(@WorkspaceId() ws: string, @Param('id', ChannelIdPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteChannelCommand(ws, id));
  }
}
