import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, mapPage, PageQueryDto, pageRequest, Scopes, WorkspaceId } from '@app/platform';
import { CreateWebhookCommand } from '../commands/create-webhook/create-webhook.command';
import { DeleteWebhookCommand } from '../commands/delete-webhook/delete-webhook.command';
import { SendTestEventCommand } from '../commands/send-test-event/send-test-event.command';
import { EnableWebhookCommand } from '../commands/enable-webhook/enable-webhook.command';
import { RetryDeliveryCommand } from '../commands/retry-delivery/retry-delivery.command';
import { GetWebhookQuery } from '../queries/get-webhook/get-webhook.query';
import { ListWebhookDeliveriesQuery } from '../queries/list-deliveries/list-deliveries.query';
import { ListWebhooksQuery } from '../queries/list-webhooks/list-webhooks.query';
import { CreateWebhookDto } from './dto/create-webhook.dto';
import { presentCreatedWebhook, presentDelivery, presentWebhook } from './webhook.presenter';
import {
  CreatedWebhookResponseDto,
  WebhookDeliveryListResponseDto,
  WebhookDeliveryResponseDto,
  WebhookListResponseDto,
  WebhookResponseDto,
} from './dto/webhook.response.dto';
import { DeliveryIdPipe, WebhookIdPipe } from '../domain/webhooks.errors';


@ApiTags('Webhooks')
@Controller('webhooks')
export class WebhooksController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Scopes('webhooks:write')
  @ApiOperation({
    operationId: 'createWebhook',
    summary: 'Register an endpoint for campaign.*, contact.* and message.* events',
    description:
      '`*` subscribes to every event except the per-message `message.sent|delivered|read|failed`, which come only to an endpoint ' +
      'that names them, batched: `data: {campaign_id, messages: [...]}` with up to 100 messages. ' +
      'Events `{id, type, created_at, data: {campaign}}` are POSTed signed per Standard Webhooks (`webhook-id`, `webhook-timestamp`, ' +
      '`webhook-signature`), at least once, in order per campaign, retried on non-2xx or timeout (10 s) on the schedule now, 5 s, 5 min, ' +
      '30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h with ±10 % jitter, `Retry-After` honoured; `410 Gone` disables the endpoint. ' +
      'The `secret` is in this response only.',
  })
  @ApiCreatedResponse({ type: CreatedWebhookResponseDto })
  @ApiErrors([400, 'VALIDATION_FAILED, WEBHOOK_URL_NOT_ALLOWED (non-public address), WEBHOOK_URL_UNRESOLVABLE'], 409, 422)
  async create(@WorkspaceId() ws: string, @Body() dto: CreateWebhookDto) {
    return presentCreatedWebhook(await this.commands.execute(new CreateWebhookCommand(ws, { url: dto.url, events: dto.events, description: dto.description })));
  }

  @Get()
  @Scopes('webhooks:read')
  @ApiOperation({ operationId: 'listWebhooks', summary: 'List endpoints, newest first (without secrets)' })
  @ApiOkResponse({ type: WebhookListResponseDto })
  @ApiErrors(400)
  async list(@WorkspaceId() ws: string, @Query() q: PageQueryDto) {
    return mapPage(await this.queries.execute(new ListWebhooksQuery(ws, pageRequest(q))), presentWebhook);
  }

  @Get(':id')
  @Scopes('webhooks:read')
  @ApiOperation({ operationId: 'getWebhook', summary: 'Get an endpoint (without its secret)' })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiErrors(400, [404, 'WEBHOOK_NOT_FOUND'])
  async get(@WorkspaceId() ws: string, @Param('id', WebhookIdPipe) id: string) {
    return presentWebhook(await this.queries.execute(new GetWebhookQuery(ws, id)));
  }

  @Delete(':id')
  @Scopes('webhooks:write')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ operationId: 'deleteWebhook', summary: 'Delete an endpoint and its delivery history; pending deliveries are dropped' })
  @ApiNoContentResponse()
  @ApiErrors(400, [404, 'WEBHOOK_NOT_FOUND'])
  async delete(@WorkspaceId() ws: string, @Param('id', WebhookIdPipe) id: string): Promise<void> {
    await this.commands.execute(new DeleteWebhookCommand(ws, id));
  }

  @Get(':id/deliveries')
  @Scopes('webhooks:read')
  @ApiOperation({ operationId: 'listWebhookDeliveries', summary: "An endpoint's deliveries, newest first: status, attempts, last response" })
  @ApiOkResponse({ type: WebhookDeliveryListResponseDto })
  @ApiErrors(400, [404, 'WEBHOOK_NOT_FOUND'])
  async deliveries(@WorkspaceId() ws: string, @Param('id', WebhookIdPipe) id: string, @Query() q: PageQueryDto) {
    return mapPage(await this.queries.execute(new ListWebhookDeliveriesQuery(ws, id, pageRequest(q))), presentDelivery);
  }

  @Post(':id/test')
  @Scopes('webhooks:write')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({ operationId: 'testWebhook', summary: 'Queue a signed `webhook.test` event to this endpoint; follow it in its deliveries' })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto })
  @ApiErrors(400, [404, 'WEBHOOK_NOT_FOUND'], [409, 'WEBHOOK_DISABLED, or idempotency key in use'], 422)
  async test(@WorkspaceId() ws: string, @Param('id', WebhookIdPipe) id: string) {
    return presentDelivery(await this.commands.execute(new SendTestEventCommand(ws, id)));
  }

  @Post(':id/enable')
  @Scopes('webhooks:write')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    operationId: 'enableWebhook',
    summary: 'Re-enable an endpoint disabled after a 410 Gone',
    description:
      'Events from now on are delivered. Events that happened while it was disabled are in its deliveries as `failed` ' +
      '(`last_error`: "endpoint disabled"); replay each with `POST /webhooks/{id}/deliveries/{delivery_id}/retry`. A no-op on an enabled endpoint.',
  })
  @ApiOkResponse({ type: WebhookResponseDto })
  @ApiErrors([404, 'WEBHOOK_NOT_FOUND'])
  async enable(@WorkspaceId() ws: string, @Param('id', WebhookIdPipe) id: string) {
    return presentWebhook(await this.commands.execute(new EnableWebhookCommand(ws, id)));
  }

  @Post(':id/deliveries/:delivery_id/retry')
  @Scopes('webhooks:write')
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    operationId: 'retryWebhookDelivery',
    summary: 'Send a failed delivery again (missed while disabled, or out of retries): same event id and body, fresh retry schedule',
    description: 'It keeps its place in its campaign\'s order: later deliveries of that campaign to this endpoint wait for it.',
  })
  @ApiAcceptedResponse({ type: WebhookDeliveryResponseDto })
  @ApiErrors([404, 'WEBHOOK_NOT_FOUND, DELIVERY_NOT_FOUND'], [409, 'WEBHOOK_DISABLED (enable it first), DELIVERY_NOT_FAILED'])
  async retryDelivery(@WorkspaceId() ws: string, @Param('id', WebhookIdPipe) id: string, @Param('delivery_id', DeliveryIdPipe) deliveryId: string) {
    return presentDelivery(await this.commands.execute(new RetryDeliveryCommand(ws, id, deliveryId)));
  }
}
