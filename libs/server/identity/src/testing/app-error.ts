import { AppError } from '@alliance/server-graphql';

/** The AppError `promise` rejects with; fails when it resolves or rejects with anything else. Test-only. */
export async function appError(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}
