// The directory's filters live in the URL query so a search can be bookmarked and shared.
import { ORGANISATION_TYPES, SUB_REGIONS, type DirectoryVariables, type FocusAreaNames, type OrganisationType, type SubRegion } from './operations';

export const DIRECTORY_PAGE_SIZE = 20;

export interface DirectoryFilters {
  search: string;
  countryCode: string | null;
  subRegion: SubRegion | null;
  type: OrganisationType | null;
  focusAreaId: string | null;
}

export const EMPTY_FILTERS: DirectoryFilters = { search: '', countryCode: null, subRegion: null, type: null, focusAreaId: null };

// Short, readable parameter names: /alliance/directory?q=educacion&country=CO&type=NGO
const PARAM = { search: 'q', countryCode: 'country', subRegion: 'region', type: 'type', focusAreaId: 'focus' } as const;

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  return value && (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

/** Reads filters from a URL query; unknown or malformed values are ignored rather than sent to the API. */
export function filtersFromSearchParams(params: URLSearchParams): DirectoryFilters {
  const country = params.get(PARAM.countryCode)?.trim().toUpperCase() ?? '';
  const focus = params.get(PARAM.focusAreaId)?.trim() ?? '';
  return {
    search: (params.get(PARAM.search) ?? '').slice(0, 200),
    countryCode: /^[A-Z]{2}$/.test(country) ? country : null,
    subRegion: oneOf(params.get(PARAM.subRegion), SUB_REGIONS),
    type: oneOf(params.get(PARAM.type), ORGANISATION_TYPES),
    focusAreaId: focus && focus.length <= 64 ? focus : null,
  };
}

/** Writes filters to a URL query, leaving out the empty ones so shared links stay short. */
export function filtersToSearchParams(filters: DirectoryFilters): URLSearchParams {
  const params = new URLSearchParams();
  const search = filters.search.trim();
  if (search) params.set(PARAM.search, search);
  if (filters.countryCode) params.set(PARAM.countryCode, filters.countryCode);
  if (filters.subRegion) params.set(PARAM.subRegion, filters.subRegion);
  if (filters.type) params.set(PARAM.type, filters.type);
  if (filters.focusAreaId) params.set(PARAM.focusAreaId, filters.focusAreaId);
  return params;
}

/** The query variables for the first page of results matching `filters` (no nulls: the API reads absent as "any"). */
export function directoryVariables(filters: DirectoryFilters, first = DIRECTORY_PAGE_SIZE): DirectoryVariables {
  const variables: DirectoryVariables = { first };
  const search = filters.search.trim();
  if (search) variables.search = search;
  if (filters.countryCode) variables.countryCode = filters.countryCode;
  if (filters.subRegion) variables.subRegion = filters.subRegion;
  if (filters.type) variables.type = filters.type;
  if (filters.focusAreaId) variables.focusAreaId = filters.focusAreaId;
  return variables;
}

export function hasActiveFilters(filters: DirectoryFilters): boolean {
  return filtersToSearchParams(filters).toString() !== '';
}

/** A focus area's name in the reader's language, so switching language needs no new request. */
export function focusAreaName(area: { name: string; names?: FocusAreaNames | null }, locale: string): string {
  const names = area.names as unknown as Record<string, string> | undefined | null;
  return names?.[locale.slice(0, 2)] || area.name;
}
