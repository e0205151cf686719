import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { toErrorBody, UNAVAILABLE_RETRY_AFTER_S } from './error-response';

const logger = new Logger('Errors');

/** Answers `exception` in the API's error shape (503s with Retry-After), logging what the server got wrong. */
export function sendError(res: ServerResponse, exception: unknown): void {
  const body = toErrorBody(exception);
  if (body.code === 'SERVICE_UNAVAILABLE') logger.warn(`answered 503: ${exception instanceof Error ? exception.message : String(exception)}`);
  else if (body.statusCode >= 500) logger.error(exception instanceof Error ? exception.stack : String(exception));
  if (res.headersSent) return;
  if (body.code === 'SERVICE_UNAVAILABLE') res.setHeader('Retry-After', String(UNAVAILABLE_RETRY_AFTER_S));
  // Node's own response calls, not Express's: the front lane answers errors on responses Express never saw.
  const json = JSON.stringify(body);
  res.writeHead(body.statusCode, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) });
  res.end(json);
}

@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<ServerResponse>(), exception);
  }
}
