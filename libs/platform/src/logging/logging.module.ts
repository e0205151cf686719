import { Module } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { Env } from '../config/env';
import { redactRequest } from './redact-request';

const INBOUND_WEBHOOK = /^\/api\/v\d+\/public\/webhooks\/whatsapp(\?|$)/;

/** Structured JSON logs with a request id (taken from X-Request-Id or generated, and echoed back). */
@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [Env],
      useFactory: (env: Env) => ({
        pinoHttp: {
          level: env.LOG_LEVEL,
          transport: env.LOG_PRETTY ? { target: 'pino-pretty', options: { singleLine: true } } : undefined,
          genReqId: (req: IncomingMessage, res) => {
            const given = req.headers['x-request-id'];
            const id = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
            res.setHeader('X-Request-Id', id);
            return id;
          },
          serializers: { req: redactRequest },
          redact: {
            paths: ['req.body.access_token', 'req.body.app_secret', '*.access_token', '*.app_secret'],
            censor: '[redacted]',
          },
          // Probes, and Meta's inbound webhooks (thousands a second; their failures are logged by the error filter).
          autoLogging: { ignore: (req: IncomingMessage) => !!req.url && (req.url.startsWith('/health') || INBOUND_WEBHOOK.test(req.url)) },
        },
      }),
    }),
  ],
})
export class LoggingModule {}
