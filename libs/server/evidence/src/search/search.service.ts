import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LRUCache } from 'lru-cache';
import type { DataSource, EntityManager } from 'typeorm';
import { AppError, decodeCursor, encodeCursor, type PageInfo } from '@alliance/server-graphql';
import { LOCALES, type Locale } from '@alliance/shared-core';
import { translator } from '@alliance/shared-i18n';
import { publishedVisibleSql, searchVisibleSql, type EvidenceViewer } from '../access';
import type { EvidenceItem } from '../entities';
import { EVIDENCE_LICENCES, EVIDENCE_LIMITS, EVIDENCE_SORTS, EVIDENCE_TYPES, type EvidenceSort } from '../evidence.constants';
import { EvidenceItemsService } from '../items.service';
import {
  FACETS,
  SqlParams,
  countsSql,
  filterConditions,
  fullTextMatcher,
  hitsSql,
  splitRuns,
  correctedMatcher,
  correctedTsQueryText,
  correctionsSql,
  type Corrections,
  type FacetName,
  type FilterValues,
  type Matcher,
} from './search-sql';

export interface EvidenceSearchInput {
  query?: string | null;
  filters?: Partial<Record<keyof FilterValues, unknown[] | null>> | null;
  sort?: EvidenceSort | null;
  first?: number | null;
  after?: string | null;
}

export interface TextRun {
  text: string;
  highlighted: boolean;
}

export interface EvidenceSearchHit {
  item: EvidenceItem;
  titleRuns: TextRun[];
  snippetRuns: TextRun[];
  matchedLocale: string;
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export type EvidenceFacets = Record<FacetName, FacetCount[]>;

export interface EvidenceSearchPage {
  hits: EvidenceSearchHit[];
  totalCount: number;
  pageInfo: PageInfo;
  facets: EvidenceFacets;
  fuzzy: boolean;
}

export const SEARCH_QUERY_MAX = 200;
const FILTER_VALUES_MAX = 50;
const OFFSET_MAX = 100_000;
const SNIPPET_CHARS = 280;
const RESULT_CACHE_ENTRIES = 500;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const invalid = (field: string, key = 'validation:invalid') => AppError.badInput([{ field, key }]);

/** Text without highlights, cut at a word boundary so browse results show a short excerpt. */
function excerpt(text: string, max = SNIPPET_CHARS): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:]+$/, '')}…`;
}

/** Validated, de-duplicated filter values (GraphQL has already checked the enum facets). */
export function parseFilters(filters: EvidenceSearchInput['filters']): FilterValues {
  const list = <T>(field: string, values: unknown[] | null | undefined, ok: (v: unknown) => v is T, normalise: (v: T) => T = (v) => v): T[] => {
    if (values == null) return [];
    if (!Array.isArray(values) || values.length > FILTER_VALUES_MAX) throw invalid(`filters.${field}`);
    const out = new Set<T>();
    for (const v of values) {
      if (!ok(v)) throw invalid(`filters.${field}`);
      out.add(normalise(v));
    }
    return [...out];
  };
  const isString = (v: unknown): v is string => typeof v === 'string';
  const oneOf = (allowed: readonly string[]) => (v: unknown): v is string => isString(v) && allowed.includes(v);
  return {
    types: list('types', filters?.types, oneOf(EVIDENCE_TYPES)),
    countryCodes: list('countryCodes', filters?.countryCodes, (v): v is string => isString(v) && /^[A-Za-z]{2}$/.test(v), (v) => v.toUpperCase()),
    focusAreaIds: list('focusAreaIds', filters?.focusAreaIds, (v): v is string => isString(v) && UUID.test(v), (v) => v.toLowerCase()),
    languages: list('languages', filters?.languages, oneOf(LOCALES)),
    years: list('years', filters?.years, (v): v is number => Number.isInteger(v) && (v as number) >= 1900 && (v as number) <= 2200),
    licences: list('licences', filters?.licences, oneOf(EVIDENCE_LICENCES)),
  };
}

interface HitRow {
  id: string;
  locale: string | null;
  title: string | null;
  snippet: string | null;
}

interface MatchResult {
  counts: CountRow[];
  /** Up to first + 1 rows: the extra one says whether there is a next page. */
  rows: HitRow[];
  fuzzy: boolean;
  highlighted: boolean;
}

interface CountRow {
  facet: FacetName | 'total';
  value: string;
  count: number;
  label: string | null;
}

/**
 * Multilingual evidence search: full text over the four languages' stemmers plus an unaccented
 * configuration, typo-tolerant fallback, drill-down facets, highlighted snippets. Visibility is
 * part of every statement, so members-only items never show up (not even as a count) for others.
 */
@Injectable()
export class EvidenceSearchService {
  /**
   * Recent results (counts, facets and hit rows, never the items themselves) by viewer class,
   * language and input. Counting tens of thousands of matches costs a few hundred milliseconds;
   * the same search again costs one small query while nothing was published or changed.
   */
  readonly results = new LRUCache<string, { generation: string; result: Promise<MatchResult> }>({ max: RESULT_CACHE_ENTRIES });

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: EvidenceItemsService,
  ) {}

  async search(input: EvidenceSearchInput, viewer: EvidenceViewer | undefined, locale: Locale): Promise<EvidenceSearchPage> {
    const query = (input.query ?? '').replace(/\s+/g, ' ').trim();
    if (query.length > SEARCH_QUERY_MAX) throw invalid('query');
    const sort = input.sort ?? 'RELEVANCE';
    if (!EVIDENCE_SORTS.includes(sort)) throw invalid('sort');
    const first = input.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > EVIDENCE_LIMITS.pageSizeMax) throw invalid('first');
    let offset = 0;
    if (input.after) {
      const [value] = decodeCursor(input.after, 1);
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > OFFSET_MAX) throw invalid('after', 'errors:invalidCursor');
      offset = value;
    }
    const filters = parseFilters(input.filters);
    const visible = searchVisibleSql('d', viewer);

    const members = !!viewer?.member;
    const key = JSON.stringify([members, locale, query, filters, sort, offset, first]);
    const generation = await this.generation();
    let cached = this.results.get(key);
    if (!cached || cached.generation !== generation) {
      // The promise is cached, not its value: many readers asking the same at once share one
      // computation instead of each running the counts.
      const entry = { generation, result: this.match(query, filters, visible, sort, locale, offset, first) };
      entry.result.catch(() => {
        if (this.results.get(key) === entry) this.results.delete(key);
      });
      this.results.set(key, entry);
      cached = entry;
    }
    const { counts, rows, fuzzy, highlighted } = await cached.result;
    const total = counts.find((r) => r.facet === 'total')?.count ?? 0;

    const hasNextPage = rows.length > first;
    const pageRows = rows.slice(0, first);
    // Items are read fresh (never from the cache): their details and visibility are current.
    const entities = new Map((await this.items.visibleByIds(pageRows.map((r) => r.id), viewer)).map((e) => [e.id, e]));
    const hits: EvidenceSearchHit[] = pageRows.flatMap((r) => {
      const item = entities.get(r.id);
      if (!item) return []; // unpublished between the statements
      const title = r.title ?? '';
      const snippet = r.snippet ?? '';
      return [
        {
          item,
          titleRuns: highlighted ? splitRuns(title) : [{ text: title, highlighted: false }],
          snippetRuns: highlighted ? splitRuns(snippet) : [{ text: excerpt(snippet), highlighted: false }],
          matchedLocale: r.locale ?? item.language,
        },
      ];
    });

    const endOffset = offset + hits.length;
    return {
      hits,
      totalCount: total,
      pageInfo: { hasNextPage, endCursor: hits.length ? encodeCursor([endOffset]) : null },
      facets: this.facets(await this.withSelectedNames(counts, filters, locale), filters, locale),
      fuzzy,
    };
  }

  /**
   * Counts and facets first; their total then says whether a page exists and how to collect its
   * candidates. A query with no full-text match is tried again with each word replaced by the
   * published words most like it (typos, in titles and abstracts alike).
   */
  private match(query: string, filters: FilterValues, visible: string, sort: EvidenceSort, locale: Locale, offset: number, first: number): Promise<MatchResult> {
    // One snapshot, so the counts and the page agree. Counting keeps every match in memory (a few
    // MB at 100,000 items, which the default 4 MB work_mem would spill to disk). With words to
    // match, the planner is told not to scan every document: it overestimates OR-ed tsqueries and
    // picks a sequential scan that decompresses each document, where the index's bitmap reads
    // only the matching rows.
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query(query ? `SET LOCAL work_mem = '32MB'; SET LOCAL enable_seqscan = off` : `SET LOCAL work_mem = '32MB'`);
      return this.matchIn(manager, query, filters, visible, sort, locale, offset, first);
    });
  }

  private async matchIn(manager: EntityManager, query: string, filters: FilterValues, visible: string, sort: EvidenceSort, locale: Locale, offset: number, first: number): Promise<MatchResult> {
    const attempt = async (kind: { corrected: string } | 'fulltext' | null) => {
      const matcherFor = (params: SqlParams): Matcher | null =>
        kind === 'fulltext' ? fullTextMatcher(params, query) : kind ? correctedMatcher(params, kind.corrected) : null;
      const countParams = new SqlParams();
      const countMatcher = matcherFor(countParams);
      const counts: CountRow[] = await manager.query(
        countsSql({ visible, matcher: countMatcher, filters: filterConditions(countParams, filters), locale }),
        countParams.values,
      );
      const total = counts.find((r) => r.facet === 'total')?.count ?? 0;
      return { counts, total, matcherFor };
    };
    let counted = await attempt(query ? 'fulltext' : null);
    let fuzzy = false;
    if (query && counted.total === 0) {
      const [corrections]: Corrections[] = await manager.query(correctionsSql('$1'), [query]);
      const corrected = corrections ? correctedTsQueryText(corrections) : null;
      const fallback = corrected ? await attempt({ corrected }) : null;
      if (fallback && fallback.total > 0) {
        counted = fallback;
        fuzzy = true;
      }
    }

    const params = new SqlParams();
    const matcher = counted.matcherFor(params);
    const rows: HitRow[] =
      counted.total > offset
        ? await manager.query(
            hitsSql(params, {
              visible,
              matcher,
              filters: filterConditions(params, filters),
              sort: sort === 'RELEVANCE' && !matcher ? 'NEWEST' : sort,
              locale,
              offset,
              limit: first + 1,
              expectedMatches: counted.total,
            }),
            params.values,
          )
        : [];
    return { counts: counted.counts, rows, fuzzy, highlighted: !!matcher };
  }

  /** The search documents' generation: cached results of an older one are never served. */
  private async generation(): Promise<string> {
    const [row]: Array<{ generation: string }> = await this.dataSource.query(`SELECT generation::text FROM evidence_search_state`);
    return row?.generation ?? '0';
  }

  /** Selected countries and focus areas that no match carries still need their names. */
  private async withSelectedNames(rows: CountRow[], filters: FilterValues, locale: Locale): Promise<CountRow[]> {
    const missing = (facet: FacetName, values: string[]) => values.filter((v) => !rows.some((r) => r.facet === facet && r.value === v));
    const codes = missing('countries', filters.countryCodes);
    const ids = missing('focusAreas', filters.focusAreaIds);
    if (!codes.length && !ids.length) return rows;
    const name = `name_${locale}`;
    const named: Array<{ facet: FacetName; value: string; label: string }> = await this.dataSource.query(
      `SELECT 'countries' AS facet, code::text AS value, ${name} AS label FROM alliance_countries WHERE code = ANY($1::text[])
       UNION ALL SELECT 'focusAreas', id::text, ${name} FROM alliance_focus_areas WHERE id = ANY($2::uuid[])`,
      [codes, ids],
    );
    return [...rows, ...named.map((n) => ({ ...n, count: 0 }))];
  }

  /** Count rows -> facets with labels in the reader's language; selected values stay listed even at 0. */
  private facets(rows: CountRow[], filters: FilterValues, locale: Locale): EvidenceFacets {
    const t = translator(locale);
    const collator = new Intl.Collator(locale);
    const selected: Record<FacetName, string[]> = {
      types: filters.types,
      countries: filters.countryCodes,
      focusAreas: filters.focusAreaIds,
      languages: filters.languages,
      years: filters.years.map(String),
      licences: filters.licences,
    };
    const labelOf = (facet: FacetName, value: string, stored: string | null): string => {
      switch (facet) {
        case 'types':
          return t(`evidence:type_${value}`);
        case 'licences':
          return t(`evidence:licence_${value}`);
        case 'languages':
          return t(`evidence:language_${value}`);
        case 'years':
          return value;
        default:
          return stored ?? value;
      }
    };
    const out = {} as EvidenceFacets;
    for (const facet of FACETS) {
      const counts = rows.filter((r) => r.facet === facet).map((r) => ({ value: r.value, label: labelOf(facet, r.value, r.label), count: r.count }));
      for (const value of selected[facet]) {
        if (!counts.some((c) => c.value === value)) counts.push({ value, label: labelOf(facet, value, null), count: 0 });
      }
      counts.sort(facet === 'years' ? (a, b) => Number(b.value) - Number(a.value) : (a, b) => b.count - a.count || collator.compare(a.label, b.label));
      out[facet] = counts;
    }
    return out;
  }

  /**
   * Up to `limit` published items the viewer may see that are most alike: shared focus areas first,
   * then the same type, then shared countries, newest first. Items that share nothing are left out.
   */
  async related(itemId: string, viewer: EvidenceViewer | undefined, limit: number = EVIDENCE_LIMITS.relatedMax): Promise<EvidenceItem[]> {
    if (!UUID.test(itemId)) return [];
    const visible = publishedVisibleSql('i', viewer);
    const rows: Array<{ id: string }> = await this.dataSource.query(
      `WITH src AS (SELECT id, type FROM evidence_items WHERE id = $1),
       fa AS (
         SELECT f.item_id, count(*) AS n FROM evidence_item_focus_areas f
         WHERE f.focus_area_id IN (SELECT focus_area_id FROM evidence_item_focus_areas WHERE item_id = $1) AND f.item_id <> $1
         GROUP BY f.item_id
       ),
       co AS (
         SELECT c.item_id, count(*) AS n FROM evidence_item_countries c
         WHERE c.country_code IN (SELECT country_code FROM evidence_item_countries WHERE item_id = $1) AND c.item_id <> $1
         GROUP BY c.item_id
       ),
       same_type AS (
         SELECT i.id FROM evidence_items i JOIN src ON src.type = i.type
         WHERE i.id <> $1 AND ${visible} ORDER BY i.published_at DESC LIMIT 50
       ),
       cand AS (SELECT item_id AS id FROM fa UNION SELECT item_id FROM co UNION SELECT id FROM same_type)
       SELECT i.id FROM cand JOIN evidence_items i ON i.id = cand.id CROSS JOIN src
       LEFT JOIN fa ON fa.item_id = i.id LEFT JOIN co ON co.item_id = i.id
       WHERE ${visible}
       ORDER BY coalesce(fa.n, 0) DESC, (i.type = src.type) DESC, coalesce(co.n, 0) DESC, i.published_at DESC, i.id
       LIMIT $2`,
      [itemId, limit],
    );
    return this.items.visibleByIds(rows.map((r) => r.id), viewer);
  }

  /** What a reference needs beyond the item row: the original title and the organisation's name. */
  async citationDetails(itemIds: readonly string[]): Promise<Map<string, { title: string; organisationName: string | null }>> {
    const rows: Array<{ id: string; title: string | null; organisation_name: string | null }> = await this.dataSource.query(
      `SELECT i.id, (SELECT t.title FROM evidence_texts t WHERE t.item_id = i.id ORDER BY t.original DESC, t.locale = i.language DESC LIMIT 1) AS title,
              o.name AS organisation_name
       FROM evidence_items i LEFT JOIN organisations o ON o.id = i.organisation_id
       WHERE i.id = ANY($1::uuid[])`,
      [itemIds.filter((id) => UUID.test(id))],
    );
    return new Map(rows.map((r) => [r.id, { title: r.title ?? '', organisationName: r.organisation_name }]));
  }
}
