// The list's filters live in the URL so a search can be bookmarked and shared:
// /workshops?when=past&q=evaluación&mode=VIRTUAL
import { WORKSHOP_MODES, type WorkshopMode, type WorkshopsVariables } from '../operations-workshops';

export const WORKSHOPS_PAGE_SIZE = 12;

export interface WorkshopFilters {
  past: boolean;
  search: string;
  mode: WorkshopMode | null;
}

export const EMPTY_WORKSHOP_FILTERS: WorkshopFilters = { past: false, search: '', mode: null };

/** Unknown or malformed values are ignored rather than sent to the API. */
export function workshopFiltersFrom(params: URLSearchParams): WorkshopFilters {
  const mode = params.get('mode');
  return {
    past: params.get('when') === 'past',
    search: (params.get('q') ?? '').slice(0, 200),
    mode: mode && (WORKSHOP_MODES as string[]).includes(mode) ? (mode as WorkshopMode) : null,
  };
}

export function workshopFiltersToParams(filters: WorkshopFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.past) params.set('when', 'past');
  const search = filters.search.trim();
  if (search) params.set('q', search);
  if (filters.mode) params.set('mode', filters.mode);
  return params;
}

/** Variables of the first page: upcoming is always sent (true or false), the rest only when chosen. */
export function workshopVariables(filters: WorkshopFilters, first = WORKSHOPS_PAGE_SIZE): WorkshopsVariables {
  const variables: WorkshopsVariables = { upcoming: !filters.past, first };
  const search = filters.search.trim();
  if (search) variables.search = search;
  if (filters.mode) variables.mode = filters.mode;
  return variables;
}

export function hasWorkshopFilters(filters: WorkshopFilters): boolean {
  return Boolean(filters.search.trim() || filters.mode);
}
