import { Body, Controller, Get, Headers, HttpCode, OnModuleInit, Post, Query, Req, Res } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { API_PREFIX, ApiErrors, Env, FrontRoutes, Public, RawBodyRequest } from '@app/platform';
import { ApplyWhatsAppWebhookCommand } from '../commands/apply-whatsapp-webhook/apply-whatsapp-webhook.command';
import { WebhookVerificationFailedError } from '../domain/dispatch.errors';

const PATH = 'webhooks/whatsapp';

/**
 * Meta's callbacks: the subscription handshake and signed status / template updates. A POST carries one
 * status, mostly, at three per message sent, so its JSON POSTs are taken in the front lane (FrontRoutes,
 * ahead of the HTTP stack); the POST route below documents them and serves the rest (compressed bodies).
 */
@ApiTags('Inbound WhatsApp webhooks')
@Public()
// Meta delivers thousands of signed POSTs a second from a few addresses: a per-IP limit would refuse (and
// so multiply) its retries. Unsigned floods cost one indexed query each before their 401.
@SkipThrottle()
@Controller(PATH)
export class WhatsAppWebhookController implements OnModuleInit {
  constructor(
    private readonly commands: CommandBus,
    private readonly env: Env,
    private readonly front: FrontRoutes,
  ) {}

  onModuleInit() {
    this.front.post(`/${API_PREFIX}/${PATH}`, ({ rawBody, headers, body }) => {
      const signature = headers['x-hub-signature-256'];
      return this.apply(rawBody, typeof signature === 'string' ? signature : undefined, body);
    });
  }

  @Get()
  @ApiOperation({ operationId: 'verifyWhatsAppWebhook', summary: "Meta's verification handshake: echoes hub.challenge when hub.verify_token matches" })
  @ApiOkResponse({ description: 'The hub.challenge, as plain text', content: { 'text/plain': { schema: { type: 'string', example: '1158201444' } } } })
  @ApiErrors([403, 'VERIFICATION_FAILED'])
  verify(
    @Query('hub.mode') mode: string,
    @Query('hub.verify_token') token: string,
    @Query('hub.challenge') challenge: string,
    @Res() res: Response,
  ) {
    if (mode !== 'subscribe' || token !== this.env.WHATSAPP_VERIFY_TOKEN) {
      throw new WebhookVerificationFailedError('hub.mode must be subscribe and hub.verify_token must match');
    }
    res.status(200).type('text/plain').send(String(challenge ?? ''));
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({ operationId: 'receiveWhatsAppWebhook', summary: 'Status and template updates from WhatsApp, signed with X-Hub-Signature-256 (HMAC-SHA256 of the raw body)' })
  @ApiOkResponse({
    description: 'Applied; statuses and template updates the signing channel does not own are ignored',
    schema: {
      type: 'object',
      required: ['statuses', 'template_updates'],
      properties: { statuses: { type: 'integer' }, template_updates: { type: 'integer' } },
    },
  })
  @ApiErrors([401, 'INVALID_SIGNATURE'])
  receive(@Req() req: RawBodyRequest, @Headers('x-hub-signature-256') signature: string | undefined, @Body() body: unknown) {
    return this.apply(req.rawBody ?? Buffer.alloc(0), signature, body);
  }

  private apply(rawBody: Buffer, signature: string | undefined, body: unknown) {
    return this.commands.execute(new ApplyWhatsAppWebhookCommand(rawBody, signature, body));
  }
}
