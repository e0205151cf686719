import { HttpStatus } from '@nestjs/common';
import { BadRequestError, DomainError } from '../errors/domain-error';

/** The JSON body limit of the API (bulk endpoints excepted). */
export const JSON_BODY_LIMIT = '1mb';

class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  readonly status = HttpStatus.PAYLOAD_TOO_LARGE;
}

class UnsupportedMediaTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  readonly status = HttpStatus.UNSUPPORTED_MEDIA_TYPE;
}

/** body-parser's (and raw-body's) refusals as the API's errors, or null for anything else. */
export function bodyParserError(err: unknown): DomainError | null {
  switch ((err as { type?: string })?.type) {
    case 'entity.parse.failed':
      return new BadRequestError('MALFORMED_JSON', 'Request body is not valid JSON');
    case 'entity.too.large':
      return new PayloadTooLargeError('Request body is too large');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new UnsupportedMediaTypeError((err as Error).message);
    default: {
      // Anything else body-parser refuses is the client's body (a gzip stream that doesn't inflate, a length
      // that doesn't match): a 4xx, never the anonymous 500 an unknown error becomes.
      const status = (err as { status?: number })?.status;
      return status && status >= 400 && status < 500 ? new BadRequestError('MALFORMED_BODY', `Request body could not be read: ${(err as Error).message}`) : null;
    }
  }
}
