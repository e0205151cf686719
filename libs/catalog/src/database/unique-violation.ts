import { QueryFailedError } from 'typeorm';

/** The name of the unique constraint a failed INSERT/UPDATE hit, or null for any other error. */
export function violatedUniqueConstraint(err: unknown): string | null {
  if (!(err instanceof QueryFailedError)) return null;
  const driver = err.driverError as { code?: string; constraint?: string };
  return driver?.code === '23505' ? (driver.constraint ?? '') : null;
}
