import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody, UNAVAILABLE_RETRY_AFTER_S } from './error-response';

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    const body = toErrorBody(exception);
    if (body.code === 'SERVICE_UNAVAILABLE') this.logger.warn(`answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
    else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    if (res.headersSent) return;
    if (body.code === 'SERVICE_UNAVAILABLE') res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
    res.status(body.statusCode).json(body);
  }
}
