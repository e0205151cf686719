import { PipeTransform } from '@nestjs/common';
import type { DomainError } from '../errors/domain-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);
/** A hostile id is echoed in the error message only this far. */
const MAX_ECHO = 64;

/**
 * A path id that is not a UUID names nothing we store: it answers the resource's own 404, exactly as an
 * unknown UUID does, so a client never has to tell "malformed" from "absent" (ids look different elsewhere).
 */
export class ResourceIdPipe implements PipeTransform<string, string> {
  constructor(private readonly notFound: (id: string) => DomainError) {}

  transform(value: string): string {
    if (isUuid(value)) return value;
    throw this.notFound(value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}…` : value);
  }
}
