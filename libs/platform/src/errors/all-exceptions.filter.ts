import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { toErrorBody, UNAVAILABLE_RETRY_AFTER_S } from './error-response';

const logger = new Logger('Errors');

/** Answers `exception` in the API's error shape (503s with Retry-After), logging what the server got wrong. */
export function sendError(res: Response, exception: unknown): void {
  const body = toErrorBody(exception);
  if (body.code === 'SERVICE_UNAVAILABLE') logger.warn(`answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
  else if (body.statusCode >= 500) logger.error(exception instanceof Error ? exception.stack : String(exception));
  if (res.headersSent) return;
  if (body.code === 'SERVICE_UNAVAILABLE') res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
  res.status(body.statusCode).json(body);
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<Response>(), exception);
  }
}
