import type { z } from 'zod';
import { toFieldErrors } from '@alliance/shared-core';
import { AppError } from './app-error';

/** Parses input with a shared zod schema; on failure throws BAD_USER_INPUT with per-field keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw AppError.badInput(toFieldErrors(result.error));
  return result.data;
}
