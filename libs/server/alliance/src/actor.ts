import { AppError } from '@alliance/server-graphql';
import { Role } from '@alliance/shared-core';

/** Who is acting: what services need of the signed-in person. */
export interface Actor {
  id: string;
  name: string;
  roles: readonly string[];
}

export function isAdmin(actor: Actor | null | undefined): boolean {
  return !!actor && actor.roles.includes(Role.Admin);
}

export function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw AppError.forbidden();
}

/** Rows of an UPDATE/DELETE ... RETURNING run through manager.query (TypeORM's pg driver returns [rows, affected]). */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}
