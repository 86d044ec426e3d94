// The search lives in the URL so results can be bookmarked and shared and the back button steps
// through searches: /evidence?q=alfabetización&type=CASE_STUDY&type=DATASET&country=PE&sort=YEAR&page=2
import {
  EVIDENCE_LANGUAGES,
  EVIDENCE_LICENCES,
  EVIDENCE_SORTS,
  EVIDENCE_TYPES,
  type EvidenceFilterInput,
  type EvidenceLicence,
  type EvidenceSearchVariables,
  type EvidenceSort,
  type EvidenceType,
} from '../operations-public';

export const EVIDENCE_PAGE_SIZE = 20;
/** Pages a link may ask for at once (each is a request): enough for any reader, bounded for the API. */
export const MAX_PAGES = 20;
const MAX_VALUES = 50;

export type FacetKey = 'types' | 'countries' | 'focusAreas' | 'languages' | 'years' | 'licences';
export const FACET_KEYS: FacetKey[] = ['types', 'languages', 'countries', 'focusAreas', 'years', 'licences'];

export interface EvidenceSearchState {
  query: string;
  types: EvidenceType[];
  countries: string[];
  focusAreas: string[];
  languages: string[];
  years: string[];
  licences: EvidenceLicence[];
  /** null = the default for the query (relevance with words, newest without). */
  sort: EvidenceSort | null;
  /** How many pages of results are shown (load more adds one). */
  page: number;
}

export const EMPTY_SEARCH: EvidenceSearchState = {
  query: '',
  types: [],
  countries: [],
  focusAreas: [],
  languages: [],
  years: [],
  licences: [],
  sort: null,
  page: 1,
};

// Short, readable parameter names, repeated for several values.
export const PARAM: Record<FacetKey | 'query' | 'sort' | 'page', string> = {
  query: 'q',
  types: 'type',
  countries: 'country',
  focusAreas: 'focus',
  languages: 'lang',
  years: 'year',
  licences: 'licence',
  sort: 'sort',
  page: 'page',
};

function unique<T>(values: T[]): T[] {
  return [...new Set(values)].slice(0, MAX_VALUES);
}

function allowed<T extends string>(values: string[], list: readonly T[]): T[] {
  return unique(values.filter((v): v is T => (list as readonly string[]).includes(v)));
}

/** Reads a search from a URL query; unknown or malformed values are dropped rather than sent to the API. */
export function searchStateFrom(params: URLSearchParams): EvidenceSearchState {
  const sort = params.get(PARAM.sort);
  const page = Number(params.get(PARAM.page));
  return {
    query: (params.get(PARAM.query) ?? '').slice(0, 200),
    types: allowed(params.getAll(PARAM.types), EVIDENCE_TYPES),
    countries: unique(params.getAll(PARAM.countries).map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]{2}$/.test(c))),
    focusAreas: unique(params.getAll(PARAM.focusAreas).map((f) => f.trim()).filter((f) => /^[\w-]{1,64}$/.test(f))),
    languages: allowed(params.getAll(PARAM.languages), EVIDENCE_LANGUAGES),
    years: unique(params.getAll(PARAM.years).filter((y) => /^\d{4}$/.test(y) && Number(y) >= 1950 && Number(y) <= 2100)),
    licences: allowed(params.getAll(PARAM.licences), EVIDENCE_LICENCES),
    sort: sort && (EVIDENCE_SORTS as string[]).includes(sort) ? (sort as EvidenceSort) : null,
    page: Number.isInteger(page) && page > 1 ? Math.min(page, MAX_PAGES) : 1,
  };
}

/** Writes a search to a URL query, leaving out what is empty or default so shared links stay short. */
export function searchStateToParams(state: EvidenceSearchState): URLSearchParams {
  const params = new URLSearchParams();
  const query = state.query.trim();
  if (query) params.set(PARAM.query, query);
  for (const key of FACET_KEYS) for (const value of state[key]) params.append(PARAM[key], value);
  if (state.sort) params.set(PARAM.sort, state.sort);
  if (state.page > 1) params.set(PARAM.page, String(state.page));
  return params;
}

/** The order results come in: relevance only means something when there are words to match. */
export function effectiveSort(state: EvidenceSearchState): EvidenceSort {
  const hasQuery = state.query.trim() !== '';
  if (!state.sort) return hasQuery ? 'RELEVANCE' : 'NEWEST';
  if (state.sort === 'RELEVANCE' && !hasQuery) return 'NEWEST';
  return state.sort;
}

export function hasFilters(state: EvidenceSearchState): boolean {
  return FACET_KEYS.some((key) => state[key].length > 0);
}

/** Variables of the first page: filters are sent only when some are chosen. */
export function searchVariables(state: EvidenceSearchState, first = EVIDENCE_PAGE_SIZE): EvidenceSearchVariables {
  const variables: EvidenceSearchVariables = { sort: effectiveSort(state), first };
  const query = state.query.trim();
  if (query) variables.query = query;
  if (hasFilters(state)) {
    const filters: EvidenceFilterInput = {};
    if (state.types.length) filters.types = state.types;
    if (state.countries.length) filters.countryCodes = state.countries;
    if (state.focusAreas.length) filters.focusAreaIds = state.focusAreas;
    if (state.languages.length) filters.languages = state.languages;
    if (state.years.length) filters.years = state.years.map(Number);
    if (state.licences.length) filters.licences = state.licences;
    variables.filters = filters;
  }
  return variables;
}

/** Adds or removes one facet value; any change of the search starts again from the first page. */
export function toggleValue(state: EvidenceSearchState, key: FacetKey, value: string): EvidenceSearchState {
  const current = state[key] as string[];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...state, [key]: next, page: 1 };
}

export function clearFilters(state: EvidenceSearchState): EvidenceSearchState {
  return { ...EMPTY_SEARCH, query: state.query, sort: state.sort };
}
