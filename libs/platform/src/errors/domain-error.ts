import { HttpStatus } from '@nestjs/common';

/**
 * Base of every error a module raises on purpose. `code` is the stable UPPER_SNAKE identifier clients
 * branch on; `status` is how the HTTP layer reports it. Modules declare their errors as subclasses in
 * one `<module>.errors.ts` file.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly status: HttpStatus;
  constructor(
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  readonly status = HttpStatus.NOT_FOUND;
  constructor(resource: string, id: string) {
    super(`${resource} ${id} not found`);
  }
}

export class ValidationFailedError extends DomainError {
  readonly code = 'VALIDATION_FAILED';
  readonly status = HttpStatus.BAD_REQUEST;
}

export class ConflictError extends DomainError {
  readonly code: string;
  readonly status = HttpStatus.CONFLICT;
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}

export class BadRequestError extends DomainError {
  readonly code: string;
  readonly status = HttpStatus.BAD_REQUEST;
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}

export class UnprocessableError extends DomainError {
  readonly code: string;
  readonly status = HttpStatus.UNPROCESSABLE_ENTITY;
  constructor(code: string, message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}
