import { AppError } from '@alliance/server-graphql';
import { Role, type Locale } from '@alliance/shared-core';

/** Who is acting: what services need of the signed-in person. */
export interface LearningActor {
  id: string;
  name: string;
  roles: readonly string[];
  locale?: Locale;
}

/** Organisers and administrators author courses and manage enrolments. */
export function isEditor(actor: Pick<LearningActor, 'roles'> | null | undefined): boolean {
  return !!actor && (actor.roles.includes(Role.Organiser) || actor.roles.includes(Role.Admin));
}

export function requireEditor(actor: LearningActor | null | undefined): asserts actor is LearningActor {
  if (!actor) throw AppError.unauthenticated();
  if (!isEditor(actor)) throw AppError.forbidden();
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

// Accented letters of the region's languages folded to ASCII in SQL (no unaccent extension needed).
export const ACCENTED = 'ÁÀÂÃÄÅáàâãäåÉÈÊËéèêëÍÌÎÏíìîïÓÒÔÕÖóòôõöÚÙÛÜúùûüÇçÑñÝýÿ';
export const PLAIN = 'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOoooooUUUUuuuuCcNnYyy';

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

/** "Liderazgo pedagógico: equipos" -> "liderazgo-pedagogico-equipos", at most `max` characters. */
export function slugFrom(text: string, max: number): string {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/, '');
  return slug || 'curso';
}

/**
 * A certificate needs at least one complete signatory (name, title, organisation); drafts may lack
 * them, publishing may not, so completions never fail to produce their certificate.
 */
export function signatoryProblems(signatories: Array<{ name: string; title: string; organisation: string }>): string[] {
  const complete = signatories.length > 0 && signatories.every((s) => s.name.trim() && s.title.trim() && s.organisation.trim());
  return complete ? [] : ['learning:publishNeedsSignatory'];
}
