// The catalogue's filters live in the URL so a search can be bookmarked and shared:
// /courses?q=liderazgo&lang=pt&level=INTRODUCTORY&open=1
import { LOCALES } from '@alliance/shared-core';
import { COURSE_FORMATS, COURSE_LEVELS, type CourseFormat, type CourseLevel, type CoursesVariables } from '../operations-catalogue';

export const CATALOGUE_PAGE_SIZE = 12;

export interface CatalogueFilters {
  search: string;
  language: string | null;
  focusAreaId: string | null;
  level: CourseLevel | null;
  format: CourseFormat | null;
  openForEnrolment: boolean;
}

export const EMPTY_CATALOGUE_FILTERS: CatalogueFilters = { search: '', language: null, focusAreaId: null, level: null, format: null, openForEnrolment: false };

const PARAM = { search: 'q', language: 'lang', focusAreaId: 'focus', level: 'level', format: 'format', openForEnrolment: 'open' } as const;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Unknown or malformed values are ignored rather than sent to the API. */
export function catalogueFiltersFrom(params: URLSearchParams): CatalogueFilters {
  const focus = params.get(PARAM.focusAreaId)?.trim() ?? '';
  return {
    search: (params.get(PARAM.search) ?? '').slice(0, 200),
    language: oneOf(params.get(PARAM.language), LOCALES),
    focusAreaId: focus && focus.length <= 64 ? focus : null,
    level: oneOf(params.get(PARAM.level), COURSE_LEVELS),
    format: oneOf(params.get(PARAM.format), COURSE_FORMATS),
    openForEnrolment: params.get(PARAM.openForEnrolment) === '1',
  };
}

export function catalogueFiltersToParams(filters: CatalogueFilters): URLSearchParams {
  const params = new URLSearchParams();
  const search = filters.search.trim();
  if (search) params.set(PARAM.search, search);
  if (filters.language) params.set(PARAM.language, filters.language);
  if (filters.focusAreaId) params.set(PARAM.focusAreaId, filters.focusAreaId);
  if (filters.level) params.set(PARAM.level, filters.level);
  if (filters.format) params.set(PARAM.format, filters.format);
  if (filters.openForEnrolment) params.set(PARAM.openForEnrolment, '1');
  return params;
}

/** Variables of the first page (absent = any; "open for enrolment" is only sent when asked for). */
export function catalogueVariables(filters: CatalogueFilters, first = CATALOGUE_PAGE_SIZE): CoursesVariables {
  const variables: CoursesVariables = { first };
  const search = filters.search.trim();
  if (search) variables.search = search;
  if (filters.language) variables.language = filters.language;
  if (filters.focusAreaId) variables.focusAreaId = filters.focusAreaId;
  if (filters.level) variables.level = filters.level;
  if (filters.format) variables.format = filters.format;
  if (filters.openForEnrolment) variables.openForEnrolment = true;
  return variables;
}

export function hasCatalogueFilters(filters: CatalogueFilters): boolean {
  return catalogueFiltersToParams(filters).toString() !== '';
}
