import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponseDto } from './error-response.dto';

const DEFAULT_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input or illegal state transition',
  404: 'Not found in this workspace',
  409: 'Conflict (concurrent transition or idempotency key in use)',
  413: 'Request body too large',
  422: 'Semantically invalid input',
};

/** Declares the error responses of an endpoint, each with the shared error body and its codes. */
export const ApiErrors = (...errors: Array<number | [number, string]>) =>
  applyDecorators(
    ...errors.map((e) => {
      const [status, description] = Array.isArray(e) ? e : [e, DEFAULT_DESCRIPTIONS[e] ?? 'Error'];
      return ApiResponse({ status, description, type: ErrorResponseDto });
    }),
  );
