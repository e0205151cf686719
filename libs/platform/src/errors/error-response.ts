import { HttpException, HttpStatus } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { QueryFailedError } from 'typeorm';
import { DomainError } from './domain-error';

/** The one error body of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE_ENTITY',
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_ERROR',
  503: 'SERVICE_UNAVAILABLE',
};

export function errorBody(statusCode: number, code: string, message: string, details?: unknown): ErrorBody {
  const body: ErrorBody = { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message };
  if (details !== undefined) body.details = details;
  return body;
}

/** Postgres errors that can only come from what the client sent (bad uuid text, out-of-range number…). */
const CLIENT_PG_ERRORS: Record<string, string> = {
  '22P02': 'INVALID_INPUT',
  '22003': 'VALUE_OUT_OF_RANGE',
  '22001': 'VALUE_TOO_LONG',
  '22007': 'INVALID_DATETIME',
  '22008': 'INVALID_DATETIME',
};

/**
 * Maps anything thrown while serving a request to the error body. Used by the exception filter and by
 * the idempotency interceptor (which must store exactly what the client was answered).
 */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof DomainError) {
    return errorBody(exception.status, exception.code, exception.message, exception.details);
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse() as string | Record<string, unknown>;
    if (typeof res === 'object' && res && typeof res.code === 'string') {
      return errorBody(status, res.code, String(res.message ?? exception.message), res.details);
    }
    const message = typeof res === 'string' ? res : Array.isArray(res?.message) ? res.message.join('; ') : String(res?.message ?? exception.message);
    const code = status === 404 && /^Cannot [A-Z]+ /.test(message) ? 'ROUTE_NOT_FOUND' : (CODE_BY_STATUS[status] ?? 'ERROR');
    return errorBody(status, code, message);
  }
  if (exception instanceof QueryFailedError) {
    const pgCode = (exception as QueryFailedError & { code?: string }).code ?? (exception.driverError as { code?: string })?.code;
    if (pgCode && CLIENT_PG_ERRORS[pgCode]) return errorBody(400, CLIENT_PG_ERRORS[pgCode], 'A value in the request is not valid');
  }
  return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'Internal server error');
}
