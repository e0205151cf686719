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

/** Postgres SQLSTATEs of a server that is down, restarting or full: nothing the client did. */
const UNAVAILABLE_PG_STATES = new Set(['57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_NET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Connection is closed|Client has encountered a connection error/i;
/** Seconds a client is told to wait when a backing store is unreachable. */
export const UNAVAILABLE_RETRY_AFTER_S = 5;

/**
 * Whether an error means Postgres or Redis can't be reached right now (down, restarting, connection cut).
 * The request may well succeed in a moment, so it answers 503 with Retry-After instead of 500.
 */
export function isBackendUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== 'object' || depth > 4) return false;
  if (e instanceof AggregateError) return e.errors.some((x) => isBackendUnavailable(x, depth + 1));
  const err = e as { code?: unknown; driverError?: unknown; cause?: unknown; message?: unknown; name?: unknown };
  const code = typeof err.code === 'string' ? err.code : '';
  if (code.startsWith('08') || UNAVAILABLE_PG_STATES.has(code) || UNAVAILABLE_NET_CODES.has(code)) return true;
  if (err.name === 'MaxRetriesPerRequestError' || (typeof err.message === 'string' && UNAVAILABLE_MESSAGES.test(err.message))) return true;
  return isBackendUnavailable(err.driverError ?? err.cause, depth + 1);
}

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
  if (isBackendUnavailable(exception)) {
    return errorBody(HttpStatus.SERVICE_UNAVAILABLE, 'SERVICE_UNAVAILABLE', 'The service is temporarily unavailable: retry after the number of seconds in Retry-After');
  }
  return errorBody(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', 'Internal server error');
}
