import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidateIf } from 'class-validator';
import { ValidationFailedError } from './domain-error';

export interface FieldError {
  field: string;
  errors: string[];
}

/** Flattens class-validator's tree into one entry per bad field, with dotted paths (`audience.groups.0`). */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, errors: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    transform: true,
    whitelist: true,
    forbidNonWhitelisted: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      return new ValidationFailedError(`Invalid request: ${details.map((d) => d.field).join(', ')}`, details);
    },
  });
}

/**
 * For optional fields that have no "null" meaning: omitting the field keeps the current value, while
 * `null` is validated like any other value (and refused), instead of slipping past `@IsOptional()` into
 * a NOT NULL column.
 */
export const IsOptionalNotNull = () => ValidateIf((_object: object, value: unknown) => value !== undefined);
