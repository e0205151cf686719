import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (VALIDATION_FAILED, with every bad field in details)',
  404: 'Not found in this workspace',
  409: 'IDEMPOTENCY_KEY_IN_USE: a request with this Idempotency-Key is still in flight (or a concurrent change won)',
  413: 'Request body too large',
  422: 'Semantically invalid input, or IDEMPOTENCY_KEY_REUSED with another body',
};

/** Declares the error responses of an endpoint, each with the shared error body and its codes. */
export const ApiErrors = (...errors: Array<number | [number, string]>) =>
  applyDecorators(
    ...errors.map((e) => {
      const [status, description] = Array.isArray(e) ? e : [e, DEFAULT_DESCRIPTIONS[e] ?? 'Error'];
      return ApiResponse({ status, description, type: ErrorResponseDto });
    }),
  );
