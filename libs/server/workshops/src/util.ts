import { QueryFailedError, type EntityManager } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { Role, isLocale, type Locale } from '@alliance/shared-core';
import { Workshop } from './entities';

/** Who is acting: what services need of the signed-in person. */
export interface WorkshopActor {
  id: string;
  name: string;
  roles: readonly string[];
  locale?: Locale;
}

export const actorOf = (user: { id: string; name: string; roles: readonly string[]; locale?: string }): WorkshopActor => ({
  id: user.id,
  name: user.name,
  roles: user.roles,
  locale: isLocale(user.locale) ? user.locale : undefined,
});

export function isAdmin(actor: Pick<WorkshopActor, 'roles'> | null | undefined): boolean {
  return !!actor && actor.roles.includes(Role.Admin);
}

/** Organisers and administrators may create workshops. */
export function isOrganiserRole(actor: Pick<WorkshopActor, 'roles'> | null | undefined): boolean {
  return !!actor && (actor.roles.includes(Role.Organiser) || actor.roles.includes(Role.Admin));
}

/**
 * Whether the person manages the workshop: an administrator, or an organiser listed as one of its
 * organisers (the creator is listed when the workshop is created).
 */
export async function canManageWorkshop(
  manager: EntityManager,
  actor: Pick<WorkshopActor, 'id' | 'roles'> | null | undefined,
  workshop: string | Pick<Workshop, 'id'>,
): Promise<boolean> {
  if (!actor) return false;
  const workshopId = typeof workshop === 'string' ? workshop : workshop.id;
  if (isAdmin(actor)) return true;
  if (!actor.roles.includes(Role.Organiser) || !isUuid(workshopId)) return false;
  const rows: unknown[] = await manager.query(`SELECT 1 FROM workshop_organisers WHERE workshop_id = $1 AND user_id = $2`, [workshopId, actor.id]);
  return rows.length > 0;
}

/**
 * The workshop, locked FOR UPDATE when `lock` (inside a transaction), after checking the actor
 * manages it. Not found and not allowed look the same to non-managers.
 */
export async function requireManagedWorkshop(manager: EntityManager, actor: WorkshopActor | null | undefined, workshopId: string, lock = false): Promise<Workshop> {
  if (!actor) throw AppError.unauthenticated();
  if (!isUuid(workshopId)) throw AppError.notFound('workshops:notFound');
  const workshop = await manager.findOne(Workshop, { where: { id: workshopId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
  if (!workshop) throw AppError.notFound('workshops:notFound');
  if (!(await canManageWorkshop(manager, actor, workshopId))) throw AppError.forbidden();
  return workshop;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** Rows of an UPDATE/DELETE ... RETURNING run through manager.query (TypeORM's pg driver returns [rows, affected]). */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

/** Search words, lower case without accents, LIKE-escaped. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 8)
    .map((w) => w.replace(/[\\%_]/g, (c) => `\\${c}`));
}

// Accented letters of the region's languages folded to ASCII in SQL (no unaccent extension needed).
export const ACCENTED = 'ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ';
export const PLAIN = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy';

/** "Taller regional: prioridades" -> "taller-regional-prioridades", at most `max` characters. */
export function slugFrom(text: string, max: number): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'taller';
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}
