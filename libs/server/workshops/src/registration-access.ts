import { QueryFailedError, type EntityManager } from 'typeorm';
import { AppError } from '@alliance/server-graphql';
import { DEFAULT_LOCALE, Role, isLocale, type Locale } from '@alliance/shared-core';
import { Workshop } from './entities';
import type { LocalizedText } from './workshops.constants';

/** Who is acting, as the registration side's services need it. */
export interface WorkshopActor {
  id: string;
  name: string;
  roles: readonly string[];
  locale?: Locale;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isUuidValue(value: unknown): value is string {
  return typeof value === 'string' && UUID_RE.test(value);
}

export function isAdmin(actor: Pick<WorkshopActor, 'roles'> | null | undefined): boolean {
  return !!actor && actor.roles.includes(Role.Admin);
}

/** ADMIN, or an ORGANISER listed as one of the workshop's organisers (or its creator). */
export async function canManageWorkshop(manager: EntityManager, actor: WorkshopActor | null | undefined, workshop: Pick<Workshop, 'id' | 'createdById'>): Promise<boolean> {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  if (!actor.roles.includes(Role.Organiser)) return false;
  if (workshop.createdById === actor.id) return true;
  const [row] = (await manager.query(`SELECT 1 FROM workshop_organisers WHERE workshop_id = $1 AND user_id = $2`, [workshop.id, actor.id])) as unknown[];
  return !!row;
}

/** The workshop, or NOT_FOUND; FORBIDDEN when the actor may not manage it. */
export async function requireManagedWorkshop(manager: EntityManager, actor: WorkshopActor | null | undefined, workshopId: string, lock = false): Promise<Workshop> {
  if (!actor) throw AppError.unauthenticated();
  const workshop = isUuidValue(workshopId)
    ? await manager.findOne(Workshop, { where: { id: workshopId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) })
    : null;
  if (!workshop) throw AppError.notFound('workshopRegistration:workshopNotFound');
  if (!(await canManageWorkshop(manager, actor, workshop))) throw AppError.forbidden();
  return workshop;
}

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === '23505';
}

/** Rows of an UPDATE/DELETE ... RETURNING run through manager.query (TypeORM's pg driver returns [rows, affected]). */
export function returnedRows<T>(result: unknown): T[] {
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') return result[0] as T[];
  return result as T[];
}

const FALLBACK: readonly Locale[] = ['es', 'en', 'pt', 'fr'];

/** Text in the reader's language, falling back es -> en -> pt -> fr -> anything. */
export function localized(value: LocalizedText | null | undefined, locale: string | null | undefined): string {
  if (!value) return '';
  const own = isLocale(locale) ? value[locale] : value[DEFAULT_LOCALE];
  if (own) return own;
  for (const l of FALLBACK) if (value[l]) return value[l]!;
  return Object.values(value).find((v) => typeof v === 'string' && v.length > 0) ?? '';
}
