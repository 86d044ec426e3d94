import { QueryFailedError } from 'typeorm';

/** True when PostgreSQL refused a row because of a unique index (SQLSTATE 23505), optionally a given one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}
